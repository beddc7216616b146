// One scan, inside one transaction of its own session: stream the collector into staging tables
// (COPY), evaluate as resources arrive, then reconcile set-based. Nothing is visible to readers
// until COMMIT, so a crash or a cancel at any point leaves the last committed state intact.
import { checksForType, contextTypesFor, dependentTypesOf } from "@safeguard/controls/catalog";
import type { Check } from "@safeguard/controls/types";
import { resourceState, type Scope } from "@safeguard/controls/scope";
import type { OrgSql } from "@safeguard/db/tenant";
import { snapshotHash } from "../reconcile/hash";
import { reconcileScan, type ReconcileResult } from "../reconcile/reconcile-scan";
import { copyFreshResources, FreshRowMover } from "../reconcile/fresh-rows";
import { createStaging, stageResources, stageSeen, type StagedResource } from "../reconcile/staging";
import { VerdictStager } from "./evaluator";
import type { RegionStatus, ScanSource, SourceError, StoredInventory } from "./source";
import { loadLiveSnapshots } from "./stored-snapshots";

export interface PipelineInput {
  orgId: string;
  accountId: string;
  scanRunId: string;
  provider: "AWS" | "AZURE";
  /** AWS account id / Azure subscription id, for snapshots read back from the database. */
  externalAccountId: string;
  kind: "FULL" | "INCREMENTAL";
  scope: Scope;
  source: ScanSource;
  notifyDrift: boolean;
  /** Called between pages: throws to stop (cancel requested, lease lost). */
  checkpoint(): Promise<void>;
  progress(p: { phase?: "COLLECTING" | "EVALUATING" | "RECONCILING"; collected?: number; evaluated?: number; message?: string; coverage?: RegionCoverage[]; errors?: SourceError[] }): void;
}

export interface RegionCoverage {
  region: string;
  status: RegionStatus;
  resources: number;
  error?: string;
}

export interface PipelineResult {
  collected: number;
  changed: number;
  evaluated: number;
  verdicts: number;
  coverage: RegionCoverage[];
  errors: SourceError[];
  complete: boolean;
  /**
   * Every region/table was listed in full, even if some per-resource reads failed (a Key Vault data
   * plane or Graph report the role may not read). Enough to trust the watermark and count as a full
   * scan: the failed reads show as errors and ERROR verdicts, and the next full scan retries them.
   */
  inventoryComplete: boolean;
  /** newest capture time among the resources read (the next incremental scan asks from here) */
  watermark: Date | null;
  reconcile: ReconcileResult;
  /** the account's live resources before this scan */
  storedResources: number;
  timings: { collectMs: number; evaluateMs: number; reconcileMs: number };
}

interface Known {
  hash: string;
  type: string;
  region: string;
  deleted: boolean;
}

/** Every resource the account ever had (deleted ones too: a returning resource must upsert, not insert). */
async function loadKnown(sql: OrgSql, accountId: string): Promise<Map<string, Known>> {
  const { rows } = await sql.query<{ native_id: string; config_hash: string; resource_type: string; region: string; deleted: boolean }>(
    "SELECT native_id, config_hash, resource_type, region, deleted_at IS NOT NULL AS deleted FROM resources WHERE account_id = $1",
    [accountId],
  );
  const m = new Map<string, Known>();
  for (const r of rows) m.set(r.native_id, { hash: r.config_hash, type: r.resource_type, region: r.region, deleted: r.deleted });
  return m;
}

const SYNTHETIC_PREFIX = "safeguard::";

export async function runScanPipeline(sql: OrgSql, input: PipelineInput): Promise<PipelineResult> {
  const t0 = performance.now();
  const incremental = input.kind === "INCREMENTAL";
  const scopeSalt = JSON.stringify(input.scope);
  await createStaging(sql);
  const known = await loadKnown(sql, input.accountId);
  const stored = storedInventory(known);
  const storedResources = stored.size;
  const freshIds = new Map<string, string>();
  const freshScope = { orgId: input.orgId, accountId: input.accountId, provider: input.provider, scanRunId: input.scanRunId };
  const stager = new VerdictStager(sql, input.scope, { scope: freshScope, ids: freshIds });
  const mover = new FreshRowMover(sql);
  const seen = new Set<string>();
  const changedTypes = new Set<string>();
  const changedIds = new Set<string>();
  const coverage: RegionCoverage[] = [];
  const errors: SourceError[] = [];
  let watermark = 0;
  let collected = 0;
  let changed = 0;

  const source = typeof input.source === "function" ? input.source(stored) : input.source;
  input.progress({ phase: "COLLECTING", collected: 0, message: "Collecting" });
  for await (const ev of source) {
    if (ev.kind === "snapshots") {
      const seenRows: Array<{ nativeId: string; region: string }> = [];
      const changedRows: StagedResource[] = [];
      const freshRows: StagedResource[] = [];
      const evaluate: typeof ev.snapshots = [];
      for (const s of ev.snapshots) {
        if (seen.has(s.nativeId)) continue; // global types come back from every region
        seen.add(s.nativeId);
        seenRows.push({ nativeId: s.nativeId, region: s.region });
        collected++;
        if (s.capturedAt && !s.resourceType.toLowerCase().startsWith(SYNTHETIC_PREFIX)) {
          const t = Date.parse(s.capturedAt);
          if (t > watermark) watermark = t;
        }
        const hash = snapshotHash(s, scopeSalt);
        const k = known.get(s.nativeId);
        const isChanged = k?.hash !== hash || k.deleted;
        if (isChanged) {
          (k ? changedRows : freshRows).push({ snapshot: s, hash, inScope: resourceState(s, input.scope).inScope });
          changedTypes.add(s.resourceType);
          changedIds.add(s.nativeId);
          changed++;
        }
        stager.index(s);
        if (!incremental || isChanged) evaluate.push(s);
      }
      // Rows first: findings COPY'd for fresh resources reference them.
      await stageSeen(sql, seenRows);
      await stageResources(sql, changedRows);
      await copyFreshResources(sql, freshScope, freshRows, freshIds);
      for (const s of evaluate) await stager.submit(s);
      mover.added(freshRows.length);
    } else if (ev.kind === "ids" || ev.kind === "present") {
      const rows: Array<{ nativeId: string; region: string }> = [];
      for (const id of ev.kind === "ids" ? ev.ids : stored.idsOf(ev.region, ev.resourceTypes)) {
        if (seen.has(id)) continue;
        seen.add(id);
        rows.push({ nativeId: id, region: ev.region });
      }
      await stageSeen(sql, rows);
    } else if (ev.kind === "coverage") {
      coverage.push({ region: ev.region, status: ev.status, resources: ev.resources, ...(ev.error ? { error: ev.error.message } : {}) });
      if (ev.error) errors.push(ev.error);
      input.progress({ collected: seen.size, coverage: [...coverage], errors: [...errors], message: `Collected ${ev.region}: ${ev.resources.toLocaleString("en")} resources` });
    } else {
      errors.push(ev.error);
    }
    input.progress({ collected: seen.size });
    await input.checkpoint();
  }
  const inventoryComplete = coverage.length > 0 && coverage.every((c) => c.status === "ok");
  const complete = inventoryComplete && errors.length === 0;
  const completeRegions = coverage.every((c) => c.status === "ok") ? null : coverage.filter((c) => c.status === "ok").map((c) => c.region);
  const t1 = performance.now();
  const evalDuringCollect = stager.elapsedMs;

  input.progress({ phase: "EVALUATING", evaluated: stager.evaluated, message: "Evaluating checks" });
  if (incremental) {
    // A changed or deleted resource can change the cross-resource verdicts of the types that read its
    // type as context. Those dependents did not change themselves, so only their checks that read a
    // changed type run again; their other findings stay as they are (reconcile leaves findings without
    // a staged verdict alone). Context is loaded only for the checks that will run.
    const triggers = new Set(changedTypes);
    for (const [nativeId, k] of known) {
      if (k.deleted || seen.has(nativeId)) continue;
      if (completeRegions === null || completeRegions.includes(k.region)) triggers.add(k.type);
    }
    const rerun = checksToRerun(triggers);
    const contextNeeded = new Set<string>();
    for (const t of changedTypes) for (const c of contextTypesFor(t)) contextNeeded.add(c);
    for (const checks of rerun.values()) for (const c of checks) for (const t of c.contextTypes) contextNeeded.add(t);
    const wanted = [...new Set([...contextNeeded, ...rerun.keys()])];
    await loadLiveSnapshots(sql, input.accountId, input.externalAccountId, input.provider, wanted, async (s) => {
      // Rows the scan read fresh are already indexed and evaluated; rows it did not see are gone.
      if (changedIds.has(s.nativeId) || !seen.has(s.nativeId)) return;
      if (contextNeeded.has(s.resourceType)) stager.index(s);
      const checks = rerun.get(s.resourceType);
      if (checks) await stager.submit(s, checks);
    });
  }
  await stager.finish((evaluated) => input.progress({ evaluated }));
  input.progress({ evaluated: stager.evaluated });
  await input.checkpoint();
  const t2 = performance.now();

  input.progress({ phase: "RECONCILING", message: "Saving results" });
  const reconcile = await reconcileScan(sql, {
    orgId: input.orgId,
    accountId: input.accountId,
    provider: input.provider,
    scanRunId: input.scanRunId,
    completeRegions: completeRegions ?? allRegions(known),
    notifyDrift: input.notifyDrift,
    fresh: mover,
    storedResources,
  });
  const t3 = performance.now();
  for (const [k, n] of Object.entries(stager.freshEvents)) reconcile.events[k] = (reconcile.events[k] ?? 0) + n;
  return {
    collected,
    changed,
    evaluated: stager.evaluated,
    verdicts: stager.verdicts,
    coverage,
    errors,
    complete,
    inventoryComplete,
    watermark: watermark > 0 ? new Date(watermark) : null,
    reconcile,
    storedResources,
    // Most checks run while collecting; their time is counted as evaluation, not collection.
    timings: {
      collectMs: Math.round(t1 - t0 - evalDuringCollect),
      evaluateMs: Math.round(t2 - t1 + evalDuringCollect),
      reconcileMs: Math.round(t3 - t2),
    },
  };
}

/** The live stored resources by region and type, as the source and the "present" events ask for them. */
function storedInventory(known: ReadonlyMap<string, Known>): StoredInventory & { size: number; idsOf(region: string, types: readonly string[]): string[] } {
  const byRegionType = new Map<string, string[]>();
  let size = 0;
  for (const [nativeId, k] of known) {
    if (k.deleted) continue;
    size++;
    const key = `${k.region}\u0000${k.type}`;
    const ids = byRegionType.get(key);
    if (ids) ids.push(nativeId);
    else byRegionType.set(key, [nativeId]);
  }
  return {
    size,
    count: (region, type) => byRegionType.get(`${region}\u0000${type}`)?.length ?? 0,
    holds: (nativeId) => known.get(nativeId)?.deleted === false,
    idsOf: (region, types) => types.flatMap((t) => byRegionType.get(`${region}\u0000${t}`) ?? []),
  };
}

/** For each type that reads a trigger type as context: the checks of it that do. */
function checksToRerun(triggers: ReadonlySet<string>): Map<string, Check[]> {
  const out = new Map<string, Check[]>();
  for (const t of triggers) {
    for (const d of dependentTypesOf(t)) {
      if (out.has(d)) continue;
      const checks = checksForType(d).filter((c) => c.contextTypes.some((ct) => triggers.has(ct)));
      if (checks.length > 0) out.set(d, checks);
    }
  }
  return out;
}

/** Every region the account had or has resources in: a complete scan covers them all. */
function allRegions(known: Map<string, Known>): string[] {
  const out = new Set<string>();
  for (const k of known.values()) if (!k.deleted) out.add(k.region);
  return [...out];
}
