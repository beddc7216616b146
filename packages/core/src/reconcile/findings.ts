// Findings from the staged verdicts, in three statements: diff against the stored findings (only rows
// whose verdict changed survive), apply the diff, and record one FindingEvent per status change.
// Events are keyed (finding_id, scan_run_id, kind), so a replayed scan cannot record a change twice.
import type { OrgSql } from "@safeguard/db/tenant";
import type { ResourceScope } from "./resources";

// Which event a status change is. NULL = no event (e.g. PASS <-> NOT_APPLICABLE, unchanged).
// A finding that is new, or back after its resource was deleted, opens when failing. A new passing
// finding records no event (its first_seen_at starts the history): on a 100,000-resource first scan
// that halves the rows written.
const EVENT_KIND = `
  CASE
    WHEN d.is_new AND d.status = 'FAIL' THEN 'OPENED'
    WHEN d.is_new AND d.status = 'ERROR' THEN 'ERRORED'
    WHEN d.is_new THEN NULL
    WHEN d.status = d.old_status THEN NULL
    WHEN d.status = 'FAIL' AND d.old_status = 'PASS' THEN 'REGRESSED'
    WHEN d.status = 'FAIL' THEN 'OPENED'
    WHEN d.status = 'ERROR' THEN 'ERRORED'
    WHEN d.old_status IN ('FAIL', 'ERROR') THEN 'RESOLVED'
    ELSE NULL
  END`;

export interface FindingCounts {
  inserted: number;
  updated: number;
  events: Record<string, number>;
}

/**
 * How the staged verdicts meet the stored findings. "scan" hashes the account's findings once: right
 * when most of them were evaluated (a full scan). "lookup" probes the unique indexes once per staged
 * verdict: right when few were (an incremental scan re-evaluates 1 % of 600,000 findings in a second
 * instead of hashing all of them).
 */
export type DiffPlan = "scan" | "lookup";

/**
 * The planner settings of each plan, for the scan's transaction. Right after a first scan the big
 * tables' statistics are stale (autovacuum has not run yet; the app role may not ANALYZE), so the
 * planner's own choice cannot be trusted either way: it nests loops over tables it believes empty, or
 * ANDs a per-row probe with a bitmap of the whole organisation's findings. So each plan leaves it one
 * join method: hashes for "scan"; for "lookup", nested loops over plain index scans, driven by the
 * small, freshly analysed temp table (LATERAL ... OFFSET 0 pins that order in the diff).
 * JIT is off: a disabled join method prices a plan at 10^10, and compiling it cost 200 ms of a
 * statement that runs in 2.
 */
export const PLANNER_SETTINGS: Record<DiffPlan, string> = {
  scan: "SET LOCAL jit = off; SET LOCAL enable_nestloop = off; SET LOCAL enable_hashjoin = on; SET LOCAL enable_mergejoin = on; SET LOCAL enable_bitmapscan = on",
  lookup: "SET LOCAL jit = off; SET LOCAL enable_nestloop = on; SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off; SET LOCAL enable_bitmapscan = off",
};

// The verdict's stored finding, if any: by (account, native id) then (resource, check).
const DIFF_SOURCES: Record<DiffPlan, string> = {
  scan: `
     FROM stage_verdicts v
     JOIN resources r ON r.account_id = $1 AND r.native_id = v.native_id
     LEFT JOIN findings f ON f.resource_id = r.id AND f.check_id = v.check_id`,
  lookup: `
     FROM stage_verdicts v
     CROSS JOIN LATERAL (SELECT r.id FROM resources r WHERE r.account_id = $1 AND r.native_id = v.native_id OFFSET 0) r
     LEFT JOIN LATERAL (
       SELECT f.id, f.deleted_at, f.status, f.severity, f.in_scope, f.reason, f.evidence
       FROM findings f WHERE f.resource_id = r.id AND f.check_id = v.check_id OFFSET 0
     ) f ON true`,
};

/** Runs under the plan's PLANNER_SETTINGS (the caller sets them: they hold for the retire step too). */
export async function reconcileFindings(sql: OrgSql, s: ResourceScope, scanRunId: string, plan: DiffPlan): Promise<FindingCounts> {
  // 1. The diff. is_new covers both "never seen" and "resource came back" (the stored row was deleted).
  await sql.query(
    `CREATE TEMP TABLE finding_diff ON COMMIT DROP AS
     SELECT coalesce(f.id, sg_uuid_v7()) AS finding_id, r.id AS resource_uuid, v.check_id, v.status, v.severity,
            v.resource_type, v.region, v.in_scope, v.evidence, v.reason,
            (f.id IS NULL OR f.deleted_at IS NOT NULL) AS is_new, f.id IS NULL AS insert_row,
            CASE WHEN f.deleted_at IS NULL THEN f.status END AS old_status
     ${DIFF_SOURCES[plan]}
     WHERE f.id IS NULL OR f.deleted_at IS NOT NULL OR f.status <> v.status OR f.severity <> v.severity
        OR f.in_scope <> v.in_scope OR f.reason IS DISTINCT FROM v.reason OR f.evidence IS DISTINCT FROM v.evidence`,
    [s.accountId],
  );
  await sql.query("ANALYZE finding_diff");

  // 2. Apply it: new rows, then changed rows (status change moves last_changed_at; evidence-only does not).
  const ins = await sql.query(
    `INSERT INTO findings (id, org_id, account_id, resource_id, check_id, status, severity, resource_type, region,
       in_scope, evidence, reason, first_seen_at, last_changed_at, last_evaluated_at)
     SELECT finding_id, $1, $2, resource_uuid, check_id, status, severity, resource_type, region, in_scope, evidence, reason,
       now(), now(), now()
     FROM finding_diff WHERE insert_row`,
    [s.orgId, s.accountId],
  );
  const upd = await sql.query(
    `UPDATE findings f SET status = d.status, severity = d.severity, resource_type = d.resource_type, region = d.region,
       in_scope = d.in_scope, evidence = d.evidence, reason = d.reason, deleted_at = NULL, last_evaluated_at = now(),
       last_changed_at = CASE WHEN d.is_new OR f.status <> d.status THEN now() ELSE f.last_changed_at END
     FROM finding_diff d WHERE f.id = d.finding_id AND NOT d.insert_row`,
  );

  // 3. Events for status changes.
  const { rows } = await sql.query<{ kind: string; n: string }>(
    `WITH ev AS (
       INSERT INTO finding_events (id, org_id, finding_id, account_id, resource_id, check_id, scan_run_id, kind, from_status, to_status, severity, occurred_at)
       SELECT sg_uuid_v7(), $1, d.finding_id, $2, d.resource_uuid, d.check_id, $3, k.kind::"FindingEventKind", d.old_status, d.status, d.severity, now()
       FROM finding_diff d CROSS JOIN LATERAL (SELECT ${EVENT_KIND} AS kind) k
       WHERE k.kind IS NOT NULL
       ON CONFLICT (finding_id, scan_run_id, kind) DO NOTHING
       RETURNING kind
     ) SELECT kind::text, count(*) AS n FROM ev GROUP BY kind`,
    [s.orgId, s.accountId, scanRunId],
  );
  const events: Record<string, number> = {};
  for (const r of rows) events[r.kind] = Number(r.n);
  return { inserted: ins.rowCount ?? 0, updated: upd.rowCount ?? 0, events };
}

/**
 * Findings of resources marked deleted by this scan: kept for history but no longer counted. An open
 * one (FAIL or ERROR) records RESOURCE_DELETED, since the problem left with the resource.
 */
export async function retireFindingsOfDeletedResources(sql: OrgSql, s: ResourceScope, scanRunId: string): Promise<number> {
  const { rows } = await sql.query<{ n: string }>(
    `WITH retired AS (
       UPDATE findings f SET deleted_at = now(), last_changed_at = now()
       FROM gone_resources g WHERE f.resource_id = g.id AND f.deleted_at IS NULL
       RETURNING f.id, f.resource_id, f.check_id, f.status, f.severity
     ), ev AS (
       INSERT INTO finding_events (id, org_id, finding_id, account_id, resource_id, check_id, scan_run_id, kind, from_status, to_status, severity, occurred_at)
       SELECT sg_uuid_v7(), $1, id, $2, resource_id, check_id, $3, 'RESOURCE_DELETED', status, status, severity, now()
       FROM retired WHERE status IN ('FAIL', 'ERROR')
       ON CONFLICT (finding_id, scan_run_id, kind) DO NOTHING
       RETURNING 1
     ) SELECT count(*) AS n FROM ev`,
    [s.orgId, s.accountId, scanRunId],
  );
  return Number(rows[0]?.n ?? 0);
}
