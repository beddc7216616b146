// The reconciliation step of a scan, run in the scan's transaction once everything is staged:
// resources, deletions, findings, events, exceptions, the day's roll-up and the drift outbox row.
// Every statement is set-based; none runs per resource.
import type { OrgSql } from "@safeguard/db/tenant";
import { applyExceptions } from "./apply-exceptions";
import { rollUpComplianceSnapshot } from "./compliance-rollup";
import { writeDriftNotification } from "./drift-outbox";
import { reconcileFindings, retireFindingsOfDeletedResources } from "./findings";
import { markDeletedResources, upsertResources, type ResourceScope } from "./resources";
import { analyseStaging } from "./staging";

export interface ReconcileInput extends ResourceScope {
  scanRunId: string;
  /** Regions (incl. "global") the scan saw completely: deletions are detected only there. */
  completeRegions: readonly string[];
  /** False for the account's first scan: its failures are the baseline, not drift to alert on. */
  notifyDrift: boolean;
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
}

export async function reconcileScan(sql: OrgSql, input: ReconcileInput): Promise<ReconcileResult> {
  await analyseStaging(sql);
  const res = await upsertResources(sql, input);
  const deleted = await markDeletedResources(sql, input, input.completeRegions);
  const findings = await reconcileFindings(sql, input, input.scanRunId);
  const retired = await retireFindingsOfDeletedResources(sql, input, input.scanRunId);
  if (retired > 0) findings.events.RESOURCE_DELETED = (findings.events.RESOURCE_DELETED ?? 0) + retired;
  const suppressionChanges = await applyExceptions(sql, input.accountId);
  await rollUpComplianceSnapshot(sql, input.orgId, input.accountId);
  const driftNotified = input.notifyDrift ? await writeDriftNotification(sql, input.orgId, input.accountId, input.scanRunId) : false;
  return {
    resourcesInserted: res.inserted,
    resourcesUpdated: res.updated,
    resourcesDeleted: deleted,
    findingsInserted: findings.inserted,
    findingsUpdated: findings.updated,
    events: findings.events,
    suppressionChanges,
    driftNotified,
  };
}
