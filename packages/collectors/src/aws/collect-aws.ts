// The AWS collector: assume the audit role, then for each region in scope read the account facts, the
// Config inventory and the types Config does not record (describe APIs, describe-types.ts), streaming
// CollectEvents. A failing region or API is reported (coverage, error events) and the rest goes on; only
// account-level problems (role, no Config access at all) throw.
import { CHECKS, RESOURCE_TYPES } from "@safeguard/controls/catalog";
import type { ResourceSnapshot } from "@safeguard/controls/snapshot";
import type { AwsCredentialIdentity } from "@smithy/types";
import { CloudCallError, isAccessDenied, toCloudCallError } from "../errors";
import { mergeGenerators } from "../merge";
import type { CollectError, CollectEvent, CollectOptions, StoredInventory } from "../source";
import { accountSnapshot, regionSnapshot, type TrailStatusCache } from "./account-facts";
import { assumeAuditRole, type AwsRoleTarget } from "./assume-role";
import type { AwsConnection } from "./clients";
import { selectCounts, selectPages, typeGroups, type InventoryQuery } from "./config-inventory";
import type { DescribeReader } from "./describe-item";
import { DESCRIBE_READERS, DESCRIBED_TYPES } from "./describe-types";
import { attachEventSelectors, TRAIL } from "./trail-event-selectors";

export interface AwsAccountTarget extends AwsRoleTarget {
  accountId: string;
  regions: string[];
}

/** Types the catalog reads, directly or as context. */
function catalogTypes(): Set<string> {
  const all = new Set<string>();
  for (const t of RESOURCE_TYPES) if (t.startsWith("AWS::")) all.add(t);
  for (const c of CHECKS) for (const t of c.contextTypes) if (t.startsWith("AWS::")) all.add(t);
  return all;
}

/** Config types the catalog reads (not the describe-API ones); IAM types are global (recorded once). */
export function inventoryTypes(): { regional: string[]; global: string[] } {
  const sorted = [...catalogTypes()].filter((t) => !DESCRIBED_TYPES.has(t)).sort();
  return { regional: sorted.filter((t) => !t.startsWith("AWS::IAM::")), global: sorted.filter((t) => t.startsWith("AWS::IAM::")) };
}

/** Describe readers for the types the catalog reads that AWS Config does not record. */
export function describeReaders(): DescribeReader[] {
  const types = catalogTypes();
  return DESCRIBE_READERS.filter((r) => types.has(r.resourceType));
}

const BATCH = 1000;
const STREAMS_PER_REGION = 4;

function asError(scope: string, e: CloudCallError): CollectError {
  return { scope, api: e.api, code: e.code, message: e.message };
}

/** One query's pages, re-batched to ~BATCH items per event (fewer, larger COPYs downstream). `seen` sees every snapshot page. */
async function* runQuery(conn: AwsConnection, creds: AwsCredentialIdentity, q: InventoryQuery, state: RegionState, signal?: AbortSignal, seen?: (snapshots: ResourceSnapshot[]) => void): AsyncGenerator<CollectEvent> {
  let snaps: ResourceSnapshot[] = [];
  let ids: string[] = [];
  try {
    for await (const page of selectPages(conn, creds, q, signal)) {
      if (page.kind === "ids") {
        ids.push(...page.ids);
        state.resources += page.ids.length;
      } else {
        // Trails get their event selectors (not part of the CI) before they go out.
        await attachEventSelectors(conn, creds, q.region, page.snapshots, (e) => state.reported.push(asError(q.region, e)));
        snaps.push(...page.snapshots);
        seen?.(page.snapshots);
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
    state.failure ??= asConfigError(error);
  }
}

const asConfigError = (error: unknown) => (error instanceof CloudCallError ? error : new CloudCallError("aws", "config", "config:SelectResourceConfig", "Error", String(error)));

interface RegionState {
  resources: number;
  malformed: number;
  failure: CloudCallError | null;
  /** describe-API types that could not be listed in this region */
  describeFailures: CloudCallError[];
  /** per-resource reads that failed (the resource carries null for that field) */
  reported: CollectError[];
}

/** One describe-API type in one region, re-batched like the Config streams. A failure is recorded, never thrown. */
async function* runDescribe(reader: DescribeReader, conn: AwsConnection, creds: AwsCredentialIdentity, accountId: string, region: string, state: RegionState, signal?: AbortSignal): AsyncGenerator<CollectEvent> {
  let snaps: ResourceSnapshot[] = [];
  try {
    for await (const page of reader.read({ conn, creds, accountId, region, signal, report: (e) => state.reported.push(asError(region, e)) })) {
      snaps.push(...page);
      state.resources += page.length;
      if (snaps.length >= BATCH) {
        yield { kind: "snapshots", region, snapshots: snaps };
        snaps = [];
      }
    }
  } catch (error) {
    state.describeFailures.push(toCloudCallError("aws", "describe", reader.api, error));
  }
  // What was read before a failure is real and goes out too.
  if (snaps.length > 0) yield { kind: "snapshots", region, snapshots: snaps };
}

/** The region's partial failures (describe types not listed, single reads that failed) as error events. */
function* partialFailures(region: string, state: RegionState): Generator<CollectEvent> {
  for (const e of state.describeFailures) yield { kind: "error", error: asError(region, e) };
  for (const e of state.reported) yield { kind: "error", error: e };
}

/**
 * The coverage error that keeps the region's resources from being marked deleted when a describe-API type
 * could not be listed. Why the whole region: run-scan marks deleted what a complete region (coverage "ok")
 * did not return, by region only, so a region whose DAX clusters could not be listed must not count as
 * complete. Its Config resources are then not marked deleted either until the next scan that reads
 * everything: a delay, never a false deletion.
 */
function partialCoverage(region: string, state: RegionState): CollectEvent {
  const apis = state.describeFailures.map((e) => e.api);
  return {
    kind: "coverage", region, status: "error", resources: state.resources,
    error: { scope: region, api: apis.join(", "), code: "PartialCoverage", message: `${apis.join(", ")} failed: those resources were not read; nothing in ${region} is marked deleted until a scan reads it all` },
  };
}

async function* collectRegion(conn: AwsConnection, creds: AwsCredentialIdentity, target: AwsAccountTarget, region: string, readGlobal: boolean, trailStatuses: TrailStatusCache, options: CollectOptions): AsyncGenerator<CollectEvent> {
  const facts = await regionSnapshot(conn, creds, target.accountId, region, trailStatuses);
  yield { kind: "snapshots", region, snapshots: [facts.snapshot] };
  for (const e of facts.errors) if (e.api !== "config:DescribeConfigurationRecorders") yield { kind: "error", error: { scope: region, ...e } };
  const state: RegionState = { resources: 0, malformed: 0, failure: null, describeFailures: [], reported: [] };
  // Types Config does not record are read whether or not the region has a recorder, in full on every scan.
  const describe = describeReaders().map((r) => () => runDescribe(r, conn, creds, target.accountId, region, state, options.signal));
  if (facts.recorderError || !facts.hasRecorder) {
    yield* mergeGenerators(describe, describe.length);
    yield* partialFailures(region, state);
    // No recorder is a coverage gap, not a failure: the Region resource's checks turn it into a finding.
    yield facts.recorderError
      ? { kind: "coverage", region, status: "error", resources: state.resources, error: asError(region, facts.recorderError) }
      : { kind: "coverage", region, status: "no-recorder", resources: state.resources };
    return;
  }
  const types = inventoryTypes();
  const changedSince = options.changedSince ?? null;
  // Incremental scans read trails in full too: they are few, and a change of event selectors (not in the
  // trail's CI) may record no new configuration item.
  const regionalTypes = changedSince ? types.regional.filter((t) => t !== TRAIL) : types.regional;
  const regional = typeGroups(regionalTypes, STREAMS_PER_REGION);
  const groups = readGlobal && types.global.length > 0 ? [...regional, types.global] : regional;
  // With the stored inventory, an incremental scan first counts each type; the id lists follow only for
  // the types whose count says something may have been deleted (deletions need no other read).
  const counted = changedSince && options.stored ? new TypeCounts(options.stored, region, recordsGlobalTypes(facts.snapshot)) : null;
  const queries: InventoryQuery[] = [];
  for (const g of groups) {
    if (changedSince) {
      queries.push({ region, types: g, mode: "changed", changedSince });
      if (!counted) queries.push({ region, types: g, mode: "ids" });
    } else queries.push({ region, types: g, mode: "full" });
  }
  if (changedSince && types.regional.includes(TRAIL)) queries.push({ region, types: [TRAIL], mode: "full" });
  let changedLeft = queries.filter((q) => q.mode === "changed").length;
  let changedDone = () => {};
  const allChanged = new Promise<void>((resolve) => (changedDone = resolve));
  if (changedLeft === 0) changedDone();
  const producers = queries.map((q) => async function* () {
    try {
      yield* runQuery(conn, creds, q, state, options.signal, counted?.seen);
    } finally {
      if (q.mode === "changed" && --changedLeft === 0) changedDone();
    }
  });
  producers.push(...describe);
  if (counted) {
    // The counts are read alongside the changed items; the id lists they call for start as soon as the
    // changed items are all in (every new one counted), while the describe reads may still be running.
    const counting = counted.read(conn, creds, groups.flat(), state, options.signal);
    producers.push(async function* () {
      await Promise.all([counting, allChanged]);
      if (state.failure) return;
      const { list, present } = counted.split(groups.flat());
      const idQueries = typeGroups(list, STREAMS_PER_REGION).map((g) => () => runQuery(conn, creds, { region, types: g, mode: "ids" }, state, options.signal));
      yield* mergeGenerators(idQueries, idQueries.length);
      if (!state.failure) for (const [r, resourceTypes] of present) yield { kind: "present", region: r, resourceTypes };
    });
  }
  yield* mergeGenerators(producers, producers.length);
  yield* partialFailures(region, state);
  if (state.failure) {
    yield { kind: "coverage", region, status: "error", resources: state.resources, error: asError(region, state.failure) };
    return;
  }
  if (state.malformed > 0) {
    yield { kind: "error", error: { scope: region, api: "config:SelectResourceConfig", code: "MalformedItem", message: `${state.malformed} configuration item(s) could not be read` } };
  }
  // The global (IAM) types came through this region's Config read, which succeeded.
  if (readGlobal) yield { kind: "coverage", region: "global", status: "ok", resources: 0 };
  yield state.describeFailures.length > 0 ? partialCoverage(region, state) : { kind: "coverage", region, status: "ok", resources: state.resources };
}

/** Whether the region's recorder records global resources (IAM, CloudFront, …), which Config then serves there too. */
function recordsGlobalTypes(regionFacts: ResourceSnapshot): boolean {
  const recorders = (regionFacts.configuration?.configurationRecorders ?? []) as Array<{ recordingGroup?: { includeGlobalResourceTypes?: boolean } }>;
  return recorders.some((r) => r.recordingGroup?.includeGlobalResourceTypes === true);
}

/**
 * An incremental region's per-type counts against the store. Every resource created since the watermark
 * shows up among the changed items, so when Config counts exactly stored + new, none of the stored ones
 * is gone; anything else (deletions, or a store that missed resources) reads that type's id list. A
 * region whose recorder records global resources serves them too: they count on both sides.
 */
class TypeCounts {
  private readonly fresh = new Map<string, number>();
  private counts: Map<string, number> | null = null;

  constructor(private readonly stored: StoredInventory, private readonly region: string, private readonly withGlobal: boolean) {}

  /** Counts the changed items the store does not hold, per type. */
  readonly seen = (snapshots: ResourceSnapshot[]): void => {
    for (const s of snapshots) if (!this.stored.holds(s.nativeId)) this.fresh.set(s.resourceType, (this.fresh.get(s.resourceType) ?? 0) + 1);
  };

  async read(conn: AwsConnection, creds: AwsCredentialIdentity, types: string[], state: RegionState, signal?: AbortSignal): Promise<void> {
    try {
      this.counts = await selectCounts(conn, creds, this.region, types, signal);
    } catch (error) {
      state.failure ??= asConfigError(error);
    }
  }

  /** Types whose ids must be listed, and the stored region -> types known to be all present. */
  split(types: string[]): { list: string[]; present: Map<string, string[]> } {
    const list: string[] = [];
    const present = new Map<string, string[]>();
    const regions = this.withGlobal ? [this.region, "global"] : [this.region];
    for (const t of types) {
      let expected = this.fresh.get(t) ?? 0;
      for (const r of regions) expected += this.stored.count(r, t);
      if (this.counts === null || (this.counts.get(t) ?? 0) !== expected) list.push(t);
      else for (const r of regions) present.set(r, [...(present.get(r) ?? []), t]);
    }
    return { list, present };
  }
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
  // The account facts (a credential report can take a while) are read alongside the regions, not before them.
  async function* accountFacts(): AsyncGenerator<CollectEvent> {
    const account = await accountSnapshot(conn, creds, target.accountId, target.regions, home);
    yield { kind: "snapshots", region: "global", snapshots: [account] };
    const accountErrors = (account.configuration?.collectionErrors ?? []) as Array<{ api: string; code: string; message: string }>;
    for (const e of accountErrors) yield { kind: "error", error: { scope: "global", ...e } };
  }

  const denied: CollectEvent[] = [];
  let regionsDone = 0;
  const trailStatuses: TrailStatusCache = new Map();
  const regions = target.regions.map((region, i) => () => collectRegion(conn, creds, target, region, i === 0, trailStatuses, options));
  // One slot more than the regions: the account facts never wait for a region to finish.
  for await (const ev of mergeGenerators([accountFacts, ...regions], (options.regionConcurrency ?? 4) + 1)) {
    if (ev.kind === "coverage" && ev.region !== "global") {
      regionsDone++;
      // Only Config denials count: a role that may read Config but not, say, EMR is a partial gap, not "no access".
      const config = ev.error?.api.startsWith("config:") ?? false;
      if (ev.status === "error" && ev.error && config && isAccessDenied(new CloudCallError("aws", "config", ev.error.api, ev.error.code, ev.error.message))) denied.push(ev);
    }
    yield ev;
  }
  if (regionsDone > 0 && denied.length === regionsDone) {
    const first = denied[0] as Extract<CollectEvent, { kind: "coverage" }>;
    throw new CloudCallError("aws", "config", first.error?.api ?? "config", first.error?.code ?? "AccessDenied", first.error?.message ?? "Access denied in every region");
  }
}
