// The reconciliation step of a scan, run in the scan's transaction once everything is staged:
// resources, deletions, findings, events, exceptions, the day's roll-up and the drift outbox row.
// Every statement is set-based; none runs per resource.
import type { OrgSql } from "@safeguard/db/tenant";
import { applyAccountExceptions } from "./apply-exceptions";
import { rollUpComplianceSnapshot } from "./compliance-rollup";
import { writeDriftNotification } from "./drift-outbox";
import { reconcileFindings, retireFindingsOfDeletedResources } from "./findings";
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
  // the planner then nests loops over "empty" tables. Hash joins are right for set-based work anyway.
  await sql.query("SET LOCAL enable_nestloop = off");
  const fresh = step("fresh", await input.fresh.finish());
  // In all, including the moves that ran while collecting (so they overlap the other phases).
  steps.freshMovesTotal = input.fresh.moveMs;
  const res = step("resources", await upsertResources(sql, input));
  const deleted = step("deletions", await markDeletedResources(sql, input, input.completeRegions));
  const findings = step("findings", await reconcileFindings(sql, input, input.scanRunId));
  const retired = step("retire", await retireFindingsOfDeletedResources(sql, input, input.scanRunId));
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
  };
}
