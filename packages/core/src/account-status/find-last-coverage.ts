import type { OrgTx } from "@safeguard/db/tenant";
import { summarizeRegionCoverage, type RegionCoverageSummary } from "./region-coverage";

export interface LastCoverage {
  scanRunId: string;
  finishedAt: string | null;
  kind: "FULL" | "INCREMENTAL";
  coverage: RegionCoverageSummary;
}

/**
 * Region coverage of each account's latest scan that got far enough to record it (SUCCEEDED or PARTIAL):
 * a failed scan reads nothing, so it would hide the coverage the account last had. One round trip,
 * one index probe per account.
 */
export async function findLastCoverage(tx: OrgTx, accountIds: string[]): Promise<Map<string, LastCoverage>> {
  if (accountIds.length === 0) return new Map();
  const rows = await tx.$queryRaw<{ account_id: string; id: string; kind: "FULL" | "INCREMENTAL"; finished_at: Date | null; region_coverage: unknown }[]>`
    SELECT a.id AS account_id, s.id, s.kind::text AS kind, s.finished_at, s.region_coverage
    FROM cloud_accounts a
    CROSS JOIN LATERAL (
      SELECT id, kind, finished_at, region_coverage FROM scan_runs
      WHERE org_id = a.org_id AND account_id = a.id AND status IN ('SUCCEEDED', 'PARTIAL')
        AND jsonb_array_length(region_coverage) > 0
      ORDER BY queued_at DESC LIMIT 1
    ) s
    WHERE a.id = ANY(${accountIds}::uuid[])`;
  return new Map(
    rows.map((r) => [r.account_id, { scanRunId: r.id, kind: r.kind, finishedAt: r.finished_at?.toISOString() ?? null, coverage: summarizeRegionCoverage(r.region_coverage) }]),
  );
}
