// The drift notification: one outbox row per scan run that changed something worth telling, written
// in the same transaction as the events, so an alert is sent if and only if the drift was committed.
// Keyed ("drift", scanRunId): a replayed scan cannot queue a second alert.
import type { OrgSql } from "@safeguard/db/tenant";

export const DRIFT_KINDS = ["OPENED", "REGRESSED", "RESOLVED", "RESOURCE_DELETED"] as const;
const TOP_EVENTS = 20;

export interface DriftPayload {
  scanRunId: string;
  accountId: string;
  counts: Record<string, number>;
  top: Array<{ kind: string; checkId: string; severity: string; resourceId: string; nativeId: string; name: string | null; resourceType: string }>;
}

/** Returns true when a notification row was written. */
export async function writeDriftNotification(sql: OrgSql, orgId: string, accountId: string, scanRunId: string): Promise<boolean> {
  const counts = await sql.query<{ kind: string; n: string }>(
    "SELECT kind::text, count(*) AS n FROM finding_events WHERE scan_run_id = $1 AND kind::text = ANY($2::text[]) GROUP BY kind",
    [scanRunId, DRIFT_KINDS],
  );
  if (counts.rows.length === 0) return false;
  // The top events first, then their resources: 20 lookups, not a join over the account's resources.
  const top = await sql.query<DriftPayload["top"][number]>(
    `WITH top AS MATERIALIZED (
       SELECT e.id, e.kind, e.check_id, e.severity, e.resource_id,
              CASE e.severity WHEN 'CRITICAL' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'MEDIUM' THEN 2 ELSE 3 END AS severity_rank,
              CASE e.kind WHEN 'REGRESSED' THEN 0 WHEN 'OPENED' THEN 1 WHEN 'RESOURCE_DELETED' THEN 2 ELSE 3 END AS kind_rank
       FROM finding_events e
       WHERE e.scan_run_id = $1 AND e.kind::text = ANY($2::text[])
       ORDER BY severity_rank, kind_rank, e.id
       LIMIT ${TOP_EVENTS}
     )
     SELECT t.kind::text AS kind, t.check_id AS "checkId", t.severity::text AS severity, r.id AS "resourceId",
            r.native_id AS "nativeId", r.name, r.resource_type AS "resourceType"
     FROM top t CROSS JOIN LATERAL (SELECT r.id, r.native_id, r.name, r.resource_type FROM resources r WHERE r.id = t.resource_id OFFSET 0) r
     ORDER BY t.severity_rank, t.kind_rank, t.id`,
    [scanRunId, DRIFT_KINDS],
  );
  const payload: DriftPayload = {
    scanRunId,
    accountId,
    counts: Object.fromEntries(counts.rows.map((r) => [r.kind, Number(r.n)])),
    top: top.rows,
  };
  const res = await sql.query(
    `INSERT INTO notifications (id, org_id, kind, dedupe_key, scan_run_id, payload, status, available_at, created_at)
     VALUES (sg_uuid_v7(), $1, 'drift', $2, $4::uuid, $3::jsonb, 'PENDING', now(), now())
     ON CONFLICT (org_id, kind, dedupe_key) DO NOTHING`,
    [orgId, scanRunId, JSON.stringify(payload), scanRunId],
  );
  return (res.rowCount ?? 0) > 0;
}
