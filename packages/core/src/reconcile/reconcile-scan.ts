// The reconciliation step of a scan, run in the scan's transaction once everything is staged:
// resources, deletions, findings, events, exceptions, the day's roll-up and the drift outbox row.
// Every statement is set-based; none runs per resource.
import type { OrgSql } from "@safeguard/db/tenant";
import { applyAccountExceptions } from "./apply-exceptions";
import { rollUpComplianceSnapshot } from "./compliance-rollup";
import { writeDriftNotification } from "./drift-outbox";
import { PLANNER_SETTINGS, reconcileFindings, retireFindingsOfDeletedResources, type DiffPlan } from "./findings";
import { markDeletedResources, upsertResources, type ResourceScope } from "./resources";
import type { FreshRowMover } from "./fresh-rows";
import { runnerOfSql } from "./sql-runner";
import { analyseStaging } from "./staging";

export interface ReconcileInput extends ResourceScope {
  scanRunId: string;
  /** Regions (incl. "global") the scan saw completely: deletions are detected only there. */
  completeRegions: readonly string[];
  /** False for the account's first scan: its failures are the baseline, not drift to alert on. */
  notifyDrift: boolean;
  /** fresh rows not yet moved into the real tables */
  fresh: FreshRowMover;
  /** the account's live resources before this scan (sizes the findings diff, see DiffPlan) */
  storedResources: number;
}

export interface ReconcileResult {
  resourcesInserted: number;
  resourcesUpdated: number;
  resourcesDeleted: number;
  findingsInserted: number;
  findingsUpdated: number;
  events: Record<string, number>;
  suppressionChanges: number;
  driftNotified: boolean;
  /** how the staged verdicts met the stored findings */
  diffPlan: DiffPlan;
  /** milliseconds per step, for the benchmark and slow-scan diagnosis */
  steps: Record<string, number>;
}

export async function reconcileScan(sql: OrgSql, input: ReconcileInput): Promise<ReconcileResult> {
  const steps: Record<string, number> = {};
  let t = performance.now();
  const step = <T>(name: string, v: T): T => {
    const now = performance.now();
    steps[name] = Math.round(now - t);
    t = now;
    return v;
  };
  step("analyse", await analyseStaging(sql));
  // Tables that just grew by a first scan have stale statistics (the app role may not ANALYZE them), and
  // the planner then nests loops over "empty" tables. Hash joins are right for set-based work anyway;
  // only the findings of a small diff are looked up (DiffPlan).
  await sql.query(PLANNER_SETTINGS.scan);
  const fresh = step("fresh", await input.fresh.finish());
  // In all, including the moves that ran while collecting (so they overlap the other phases).
  steps.freshMovesTotal = input.fresh.moveMs;
  const res = step("resources", await upsertResources(sql, input));
  const deleted = step("deletions", await markDeletedResources(sql, input, input.completeRegions));
  const plan = await diffPlan(sql, input.storedResources);
  await sql.query(PLANNER_SETTINGS[plan]);
  const findings = step("findings", await reconcileFindings(sql, input, input.scanRunId, plan));
  const retired = step("retire", await retireFindingsOfDeletedResources(sql, input, input.scanRunId));
  await sql.query(PLANNER_SETTINGS.scan);
  if (retired > 0) findings.events.RESOURCE_DELETED = (findings.events.RESOURCE_DELETED ?? 0) + retired;
  const suppressionChanges = step("exceptions", await applyAccountExceptions(sql, input.accountId));
  step("rollup", await rollUpComplianceSnapshot(runnerOfSql(sql), input.orgId, input.accountId));
  const driftNotified = step("outbox", input.notifyDrift ? await writeDriftNotification(sql, input.orgId, input.accountId, input.scanRunId) : false);
  return {
    steps,
    resourcesInserted: res.inserted + fresh,
    resourcesUpdated: res.updated,
    resourcesDeleted: deleted,
    findingsInserted: findings.inserted,
    findingsUpdated: findings.updated,
    events: findings.events,
    suppressionChanges,
    driftNotified,
    diffPlan: plan,
  };
}

/**
 * Index lookups while the staged verdicts are fewer than the account's resources, i.e. at most about a
 * sixth of its findings (~6 per resource), and only when the planner's statistics know the tables hold
 * at least this account (refreshed after big scans, scan-statistics.ts): with stale ones a lookup plan
 * can go quadratic, a hash cannot. The staged count is the one ANALYZE just measured.
 */
async function diffPlan(sql: OrgSql, storedResources: number): Promise<DiffPlan> {
  const { rows } = await sql.query<{ staged: number; resources: number; findings: number }>(
    `SELECT max(reltuples) FILTER (WHERE oid = 'stage_verdicts'::regclass) AS staged,
            max(reltuples) FILTER (WHERE oid = 'resources'::regclass) AS resources,
            max(reltuples) FILTER (WHERE oid = 'findings'::regclass) AS findings
     FROM pg_class WHERE oid IN ('stage_verdicts'::regclass, 'resources'::regclass, 'findings'::regclass)`,
  );
  const r = rows[0];
  if (!r) return "scan";
  const statsKnowAccount = r.resources >= storedResources && r.findings >= storedResources;
  return statsKnowAccount && r.staged <= storedResources ? "lookup" : "scan";
}
