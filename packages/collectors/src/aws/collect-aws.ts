// The AWS collector: assume the audit role, then for each region in scope read the account facts and
// the Config inventory, streaming CollectEvents. A failing region or API is reported (coverage,
// error events) and the rest goes on; only account-level problems (role, no access at all) throw.
import { CHECKS, RESOURCE_TYPES } from "@safeguard/controls/catalog";
import type { ResourceSnapshot } from "@safeguard/controls/snapshot";
import type { AwsCredentialIdentity } from "@smithy/types";
import { CloudCallError, isAccessDenied } from "../errors";
import { mergeGenerators } from "../merge";
import type { CollectError, CollectEvent, CollectOptions } from "../source";
import { accountSnapshot, regionSnapshot } from "./account-facts";
import { assumeAuditRole, type AwsRoleTarget } from "./assume-role";
import type { AwsConnection } from "./clients";
import { selectPages, typeGroups, type InventoryQuery } from "./config-inventory";

export interface AwsAccountTarget extends AwsRoleTarget {
  accountId: string;
  regions: string[];
}

/** Config types the catalog reads, directly or as context; IAM types are global (recorded once). */
export function inventoryTypes(): { regional: string[]; global: string[] } {
  const all = new Set<string>();
  for (const t of RESOURCE_TYPES) if (t.startsWith("AWS::")) all.add(t);
  for (const c of CHECKS) for (const t of c.contextTypes) if (t.startsWith("AWS::")) all.add(t);
  const sorted = [...all].sort();
  return { regional: sorted.filter((t) => !t.startsWith("AWS::IAM::")), global: sorted.filter((t) => t.startsWith("AWS::IAM::")) };
}

const BATCH = 1000;
const STREAMS_PER_REGION = 4;

function asError(scope: string, e: CloudCallError): CollectError {
  return { scope, api: e.api, code: e.code, message: e.message };
}

/** One query's pages, re-batched to ~BATCH items per event (fewer, larger COPYs downstream). */
async function* runQuery(conn: AwsConnection, creds: AwsCredentialIdentity, q: InventoryQuery, state: RegionState, signal?: AbortSignal): AsyncGenerator<CollectEvent> {
  let snaps: ResourceSnapshot[] = [];
  let ids: string[] = [];
  try {
    for await (const page of selectPages(conn, creds, q, signal)) {
      if (page.kind === "ids") {
        ids.push(...page.ids);
        state.resources += page.ids.length;
      } else {
        snaps.push(...page.snapshots);
        if (q.mode === "full") state.resources += page.snapshots.length;
        state.malformed += page.malformed;
      }
      if (snaps.length >= BATCH) {
        yield { kind: "snapshots", region: q.region, snapshots: snaps };
        snaps = [];
      }
      if (ids.length >= BATCH * 5) {
        yield { kind: "ids", region: q.region, ids };
        ids = [];
      }
    }
    if (snaps.length > 0) yield { kind: "snapshots", region: q.region, snapshots: snaps };
    if (ids.length > 0) yield { kind: "ids", region: q.region, ids };
  } catch (error) {
    state.failure ??= error instanceof CloudCallError ? error : new CloudCallError("aws", "config", "config:SelectResourceConfig", "Error", String(error));
  } finally {
    state.pending--;
  }
}

interface RegionState {
  resources: number;
  malformed: number;
  pending: number;
  failure: CloudCallError | null;
}

async function* collectRegion(conn: AwsConnection, creds: AwsCredentialIdentity, target: AwsAccountTarget, region: string, readGlobal: boolean, options: CollectOptions): AsyncGenerator<CollectEvent> {
  const facts = await regionSnapshot(conn, creds, target.accountId, region);
  yield { kind: "snapshots", region, snapshots: [facts.snapshot] };
  for (const e of facts.errors) if (e.api !== "config:DescribeConfigurationRecorders") yield { kind: "error", error: { scope: region, ...e } };
  if (facts.recorderError) {
    yield { kind: "coverage", region, status: "error", resources: 0, error: asError(region, facts.recorderError) };
    return;
  }
  if (!facts.hasRecorder) {
    // A coverage gap, not a failure: the Region resource's checks turn it into a finding.
    yield { kind: "coverage", region, status: "no-recorder", resources: 0 };
    return;
  }
  const types = inventoryTypes();
  const regional = typeGroups(types.regional, STREAMS_PER_REGION);
  const groups = readGlobal && types.global.length > 0 ? [...regional, types.global] : regional;
  const changedSince = options.changedSince ?? null;
  const queries: InventoryQuery[] = [];
  for (const g of groups) {
    if (changedSince) {
      queries.push({ region, types: g, mode: "changed", changedSince }, { region, types: g, mode: "ids" });
    } else queries.push({ region, types: g, mode: "full" });
  }
  const state: RegionState = { resources: 0, malformed: 0, pending: queries.length, failure: null };
  yield* mergeGenerators(queries.map((q) => () => runQuery(conn, creds, q, state, options.signal)), queries.length);
  if (state.failure) {
    yield { kind: "coverage", region, status: "error", resources: state.resources, error: asError(region, state.failure) };
    return;
  }
  if (state.malformed > 0) {
    yield { kind: "error", error: { scope: region, api: "config:SelectResourceConfig", code: "MalformedItem", message: `${state.malformed} configuration item(s) could not be read` } };
  }
  yield { kind: "coverage", region, status: "ok", resources: state.resources };
  if (readGlobal) yield { kind: "coverage", region: "global", status: "ok", resources: 0 };
}

export interface AwsCollectorOptions extends CollectOptions {
  /** regions read at once */
  regionConcurrency?: number;
}

/**
 * Streams one AWS account. Throws CloudCallError when the role cannot be assumed, or when Config
 * access is denied in every region (the role lacks permissions: an account problem, not a gap).
 */
export async function* collectAws(conn: AwsConnection, target: AwsAccountTarget, options: AwsCollectorOptions = {}): AsyncGenerator<CollectEvent> {
  const home = target.regions[0] ?? "us-east-1";
  const creds = await assumeAuditRole(conn, target, home);
  const account = await accountSnapshot(conn, creds, target.accountId, target.regions, home);
  yield { kind: "snapshots", region: "global", snapshots: [account] };
  const accountErrors = (account.configuration?.collectionErrors ?? []) as Array<{ api: string; code: string; message: string }>;
  for (const e of accountErrors) yield { kind: "error", error: { scope: "global", ...e } };

  const denied: CollectEvent[] = [];
  let regionsDone = 0;
  const producers = target.regions.map((region, i) => () => collectRegion(conn, creds, target, region, i === 0, options));
  for await (const ev of mergeGenerators(producers, options.regionConcurrency ?? 4)) {
    if (ev.kind === "coverage" && ev.region !== "global") {
      regionsDone++;
      if (ev.status === "error" && ev.error && isAccessDenied(new CloudCallError("aws", "config", ev.error.api, ev.error.code, ev.error.message))) denied.push(ev);
    }
    yield ev;
  }
  if (regionsDone > 0 && denied.length === regionsDone) {
    const first = denied[0] as Extract<CollectEvent, { kind: "coverage" }>;
    throw new CloudCallError("aws", "config", first.error?.api ?? "config", first.error?.code ?? "AccessDenied", first.error?.message ?? "Access denied in every region");
  }
}
