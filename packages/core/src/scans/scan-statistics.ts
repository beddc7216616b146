// Keeping the planner's statistics of the scan tables current after a scan that changed a large share
// of its account (a first scan above all), without waiting for autovacuum: the next scan's plans
// depend on them (reconcile/findings.ts, DiffPlan). ANALYZE samples; it does not block writers.
import { withTenantSql } from "@safeguard/db/tenant";
import type { PipelineResult } from "./run-scan";

/** Rows a scan must add or remove, at least, before statistics are refreshed: below it they barely move. */
const MIN_ROWS = 1_000;

/** True when the scan added or removed more than a tenth of the account's resources (and at least MIN_ROWS). */
export function movesStatistics(result: PipelineResult): boolean {
  const moved = result.reconcile.resourcesInserted + result.reconcile.resourcesDeleted;
  return moved >= MIN_ROWS && moved * 10 >= result.storedResources;
}

export async function refreshScanStatistics(orgId: string): Promise<number> {
  const started = performance.now();
  await withTenantSql(orgId, (sql) => sql.query("SELECT sg_refresh_scan_statistics()"));
  return Math.round(performance.now() - started);
}
