// Resources AWS Config does not record, read from their own describe APIs and turned into configuration
// items (the CI shape of docs/architecture.md), then into snapshots by the same normaliser as Config's
// items, so every AWS resource reaches the checks the same way.
import { fromAwsConfigItem, type ResourceSnapshot } from "@safeguard/controls/snapshot";
import type { AwsCredentialIdentity } from "@smithy/types";
import { toCloudCallError, type CloudCallError } from "../errors";
import type { AwsConnection } from "./clients";

/** What a describe reader gets: where to read, and where to report a failed sub-read it can live with. */
export interface DescribeContext {
  conn: AwsConnection;
  creds: AwsCredentialIdentity;
  accountId: string;
  region: string;
  signal?: AbortSignal;
  /** A read for one resource failed and the resource carries null for it (the check says ERROR). */
  report(error: CloudCallError): void;
}

export interface DescribeReader {
  resourceType: string;
  /** The list call, named like IAM actions (what the audit role needs), for errors. */
  api: string;
  /** Pages of snapshots; throws CloudCallError when the type cannot be listed in this region. */
  read(ctx: DescribeContext): AsyncGenerator<ResourceSnapshot[]>;
}

/**
 * SDK output as plain JSON: Dates become ISO strings, undefined members disappear. The snapshot is hashed
 * and stored as JSON, and a Date would not survive the round trip.
 */
export function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plain);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined && k !== "$metadata") out[k] = plain(v);
  return out;
}

/** Config's EC2 casing: every key's first letter lower-cased, at every depth (SnapshotId -> snapshotId). */
export function lowerCamel(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(lowerCamel);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k.charAt(0).toLowerCase() + k.slice(1)] = lowerCamel(v);
  return out;
}

/** `[{ Key, Value }]` (or lower-case) -> `{ key: value }`. */
export function tagMap(tags: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of Array.isArray(tags) ? tags : []) {
    const o = t as Record<string, unknown>;
    const k = o.Key ?? o.key;
    if (typeof k === "string") out[k] = String(o.Value ?? o.value ?? "");
  }
  return out;
}

export interface DescribedResource {
  resourceType: string;
  resourceId: string;
  resourceName?: string | null;
  arn: string;
  configuration: Record<string, unknown>;
  tags?: Record<string, string>;
}

/** A described resource as a configuration item, normalised like any Config item (capturedAt stays null: no capture time). */
export function describedSnapshot(ctx: Pick<DescribeContext, "accountId" | "region">, r: DescribedResource): ResourceSnapshot {
  const n = fromAwsConfigItem({
    accountId: ctx.accountId, awsRegion: ctx.region, arn: r.arn, resourceType: r.resourceType, resourceId: r.resourceId,
    resourceName: r.resourceName ?? null, configurationItemStatus: "OK", configuration: r.configuration, supplementaryConfiguration: {},
    tags: r.tags ?? {}, relationships: [],
  });
  if (!n.ok) throw new Error(`${r.resourceType} ${r.resourceId}: ${n.reason}`);
  return n.snapshot;
}


/** Per-resource follow-up calls in flight per reader and region: parallel enough, gentle on API rate limits. */
export const FOLLOW_UP_CONCURRENCY = 8;

/** An SDK paginator whose failures come out as CloudCallError naming `api` (the consumer's own errors pass through). */
export async function* pagesOf<T>(api: string, pages: AsyncIterable<T>, signal?: AbortSignal): AsyncGenerator<T> {
  const it = pages[Symbol.asyncIterator]();
  for (;;) {
    if (signal?.aborted) return;
    let r: IteratorResult<T>;
    try {
      r = await it.next();
    } catch (error) {
      throw toCloudCallError("aws", "describe", api, error);
    }
    if (r.done) return;
    yield r.value;
  }
}

/** One SDK call whose failure comes out as a CloudCallError naming `api`. */
export async function call<T>(api: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toCloudCallError("aws", "describe", api, error);
  }
}
