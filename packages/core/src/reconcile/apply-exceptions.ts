// Exceptions (accepted risk) mark findings suppressed; suppressed findings stay visible, flagged, and
// leave the score. Recomputed for the whole account at every scan (and for the organisation when
// exceptions lapse), because an exception can be approved, revoked or expire between scans.
import type { OrgSql } from "@safeguard/db/tenant";

/** Returns how many findings changed suppression. `accountId` null = every account of the organisation. */
export async function applyExceptions(sql: OrgSql, accountId: string | null): Promise<number> {
  const { rows } = await sql.query<{ any: boolean }>(
    "SELECT EXISTS (SELECT 1 FROM exceptions WHERE status = 'APPROVED' AND expires_at > now()) AS any",
  );
  if (!rows[0]?.any) {
    // Fast path: nothing approved, so nothing may stay suppressed.
    const cleared = await sql.query(
      `UPDATE findings SET suppressed = false, exception_id = NULL
       WHERE ($1::uuid IS NULL OR account_id = $1) AND (suppressed OR exception_id IS NOT NULL)`,
      [accountId],
    );
    return cleared.rowCount ?? 0;
  }
  // The newest-expiring matching exception wins; tag keys and values compare case-insensitively.
  const res = await sql.query(
    `WITH ex AS (
       SELECT id, scope, finding_id, check_id, account_id, lower(tag_key) AS tag_key, lower(tag_value) AS tag_value, expires_at
       FROM exceptions WHERE status = 'APPROVED' AND expires_at > now()
     ), m AS (
       SELECT f.id, f.exception_id AS old_exception,
         (SELECT e.id FROM ex e
          WHERE (e.scope = 'FINDING' AND e.finding_id = f.id)
             OR (e.scope = 'CHECK_ON_ACCOUNT' AND e.check_id = f.check_id AND (e.account_id IS NULL OR e.account_id = f.account_id))
             OR (e.scope = 'TAG' AND (e.check_id IS NULL OR e.check_id = f.check_id) AND (e.account_id IS NULL OR e.account_id = f.account_id)
                 AND EXISTS (SELECT 1 FROM resources r, jsonb_each_text(r.tags) t
                             WHERE r.id = f.resource_id AND lower(t.key) = e.tag_key AND (e.tag_value IS NULL OR lower(t.value) = e.tag_value)))
          ORDER BY e.expires_at DESC LIMIT 1) AS exception_id
       FROM findings f WHERE ($1::uuid IS NULL OR f.account_id = $1)
     )
     UPDATE findings f SET suppressed = m.exception_id IS NOT NULL, exception_id = m.exception_id
     FROM m WHERE f.id = m.id AND (m.old_exception IS DISTINCT FROM m.exception_id OR f.suppressed <> (m.exception_id IS NOT NULL))`,
    [accountId],
  );
  return res.rowCount ?? 0;
}

/** APPROVED exceptions past their expiry become EXPIRED. Returns how many lapsed. */
export async function lapseExpiredExceptions(sql: OrgSql): Promise<number> {
  const res = await sql.query("UPDATE exceptions SET status = 'EXPIRED' WHERE status = 'APPROVED' AND expires_at <= now()");
  return res.rowCount ?? 0;
}
