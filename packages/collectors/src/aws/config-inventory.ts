// Inventory from AWS Config advanced queries (SelectResourceConfig), one region at a time, paged
// with NextToken and streamed page by page. Full scans read every item of the catalog's types;
// incremental scans read in full only items captured since the watermark, plus the cheap id list
// that tells which resources still exist.
import { ConfigServiceClient, SelectResourceConfigCommand } from "@aws-sdk/client-config-service";
import { fromAwsConfigItem } from "@safeguard/controls/snapshot";
import type { ResourceSnapshot } from "@safeguard/controls/snapshot";
import type { AwsCredentialIdentity } from "@smithy/types";
import { toCloudCallError, type CloudCallError } from "../errors";
import { clientConfig, type AwsConnection } from "./clients";

const FULL_FIELDS = [
  "accountId", "arn", "awsRegion", "resourceId", "resourceName", "resourceType", "configurationItemCaptureTime",
  "configurationItemStatus", "configuration", "supplementaryConfiguration", "tags", "relationships",
].join(", ");
const ID_FIELDS = "accountId, arn, awsRegion, resourceId, resourceType";

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Splits types into groups whose IN-lists keep each expression well under Config's 4,096 characters. */
export function typeGroups(types: readonly string[], groups: number): string[][] {
  const out: string[][] = Array.from({ length: Math.max(1, Math.min(groups, types.length)) }, () => []);
  types.forEach((t, i) => out[i % out.length]!.push(t));
  return out.filter((g) => g.length > 0);
}

export type InventoryPage =
  | { kind: "snapshots"; snapshots: ResourceSnapshot[]; malformed: number }
  | { kind: "ids"; ids: string[] };

export interface InventoryQuery {
  region: string;
  types: readonly string[];
  mode: "full" | "changed" | "ids";
  changedSince?: Date;
}

export function expressionOf(q: InventoryQuery): string {
  const where = `resourceType IN (${q.types.map(quote).join(", ")})`;
  if (q.mode === "ids") return `SELECT ${ID_FIELDS} WHERE ${where}`;
  if (q.mode === "changed") return `SELECT ${FULL_FIELDS} WHERE ${where} AND configurationItemCaptureTime > ${quote((q.changedSince as Date).toISOString())}`;
  return `SELECT ${FULL_FIELDS} WHERE ${where}`;
}

/** The raw result pages of one expression, NextToken by NextToken. Throws CloudCallError. */
async function* resultPages(conn: AwsConnection, creds: AwsCredentialIdentity, region: string, Expression: string, signal?: AbortSignal): AsyncGenerator<string[]> {
  const client = new ConfigServiceClient(clientConfig(conn, region, creds));
  let NextToken: string | undefined;
  try {
    do {
      if (signal?.aborted) return;
      let out;
      try {
        out = await client.send(new SelectResourceConfigCommand({ Expression, Limit: 100, NextToken }), { abortSignal: signal });
      } catch (error) {
        throw toCloudCallError("aws", "config", "config:SelectResourceConfig", error);
      }
      NextToken = out.NextToken || undefined;
      yield out.Results ?? [];
    } while (NextToken);
  } finally {
    client.destroy();
  }
}

/** Pages of one query. Throws CloudCallError (the caller records it against the region). */
export async function* selectPages(conn: AwsConnection, creds: AwsCredentialIdentity, q: InventoryQuery, signal?: AbortSignal): AsyncGenerator<InventoryPage> {
  for await (const results of resultPages(conn, creds, q.region, expressionOf(q), signal)) {
    if (q.mode === "ids") {
      const ids: string[] = [];
      for (const r of results) {
        const n = fromAwsConfigItem(r);
        if (n.ok) ids.push(n.snapshot.nativeId);
      }
      yield { kind: "ids", ids };
    } else {
      const snapshots: ResourceSnapshot[] = [];
      let malformed = 0;
      for (const r of results) {
        const n = fromAwsConfigItem(r);
        if (n.ok) snapshots.push(n.snapshot);
        else malformed++;
      }
      yield { kind: "snapshots", snapshots, malformed };
    }
  }
}

export type { CloudCallError };

/** Resources per type in the region, by one GROUP BY query (types without any are absent). Throws CloudCallError. */
export async function selectCounts(conn: AwsConnection, creds: AwsCredentialIdentity, region: string, types: readonly string[], signal?: AbortSignal): Promise<Map<string, number>> {
  const Expression = `SELECT resourceType, COUNT(*) WHERE resourceType IN (${types.map(quote).join(", ")}) GROUP BY resourceType`;
  const counts = new Map<string, number>();
  for await (const results of resultPages(conn, creds, region, Expression, signal)) {
    for (const row of results) {
      const r = JSON.parse(row) as { resourceType?: unknown; "COUNT(*)"?: unknown };
      if (typeof r.resourceType === "string" && typeof r["COUNT(*)"] === "number") counts.set(r.resourceType, r["COUNT(*)"]);
    }
  }
  return counts;
}
