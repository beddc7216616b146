// The one definition of which findings an exception covers, as one set-based statement used by every
// entry point: the end of a scan (one account), and decisions, revocations and lapses (the organisation).
//
// A finding is suppressed exactly while an APPROVED exception whose expiry is still ahead matches it:
// - FINDING: that finding;
// - CHECK_ON_ACCOUNT: that check on that account;
// - TAG: findings of resources carrying the tag (key, and value unless the exception leaves it empty;
//   both case-insensitive), optionally narrowed to one check and/or one account.
// When several match, the one expiring last wins (ties: the lower id), so the result is deterministic.
// Rows already in the right state are not written.
import type { SqlRunner } from "../reconcile/sql-runner";

/** $1 = the instant "unexpired" is judged at (null = the database clock); $2 = one account, or null for all. */
const APPLY_EXCEPTIONS_SQL = `
WITH ex AS (
  SELECT id, scope, finding_id, check_id, account_id, lower(tag_key) AS tag_key, lower(tag_value) AS tag_value, expires_at
  FROM exceptions WHERE status = 'APPROVED' AND expires_at > coalesce($1::timestamptz, now())
), hits AS (
  -- Three equi-joins (UNION ALL) rather than one join on OR: each arm can use an index.
  SELECT f.id AS finding_id, e.id AS exception_id, e.expires_at
  FROM ex e JOIN findings f ON f.id = e.finding_id
  WHERE e.scope = 'FINDING' AND ($2::uuid IS NULL OR f.account_id = $2::uuid)
  UNION ALL
  SELECT f.id, e.id, e.expires_at
  FROM ex e JOIN findings f ON f.check_id = e.check_id AND f.account_id = e.account_id
  WHERE e.scope = 'CHECK_ON_ACCOUNT' AND ($2::uuid IS NULL OR f.account_id = $2::uuid)
  UNION ALL
  SELECT f.id, e.id, e.expires_at
  FROM ex e JOIN resources r ON (e.account_id IS NULL OR r.account_id = e.account_id)
    AND EXISTS (SELECT 1 FROM jsonb_each_text(r.tags) t WHERE lower(t.key) = e.tag_key AND (e.tag_value IS NULL OR lower(t.value) = e.tag_value))
  JOIN findings f ON f.resource_id = r.id AND (e.check_id IS NULL OR f.check_id = e.check_id)
  WHERE e.scope = 'TAG' AND ($2::uuid IS NULL OR r.account_id = $2::uuid)
), best AS (
  SELECT DISTINCT ON (finding_id) finding_id, exception_id FROM hits ORDER BY finding_id, expires_at DESC, exception_id
), target AS (
  SELECT finding_id AS id, exception_id FROM best
  UNION ALL
  SELECT f.id, NULL::uuid FROM findings f
  WHERE (f.suppressed OR f.exception_id IS NOT NULL) AND ($2::uuid IS NULL OR f.account_id = $2::uuid)
    AND NOT EXISTS (SELECT 1 FROM best b WHERE b.finding_id = f.id)
), changed AS (
  UPDATE findings f SET suppressed = t.exception_id IS NOT NULL, exception_id = t.exception_id
  FROM target t
  WHERE f.id = t.id AND (f.exception_id IS DISTINCT FROM t.exception_id OR f.suppressed <> (t.exception_id IS NOT NULL))
  RETURNING f.account_id
)
SELECT account_id::text AS account_id, count(*)::int AS n FROM changed GROUP BY account_id`;

/** Findings whose suppression changed, per account id. */
export async function matchExceptions(db: SqlRunner, { now = null, accountId = null }: { now?: Date | null; accountId?: string | null } = {}): Promise<Map<string, number>> {
  const rows = await db.rows<{ account_id: string; n: number }>(APPLY_EXCEPTIONS_SQL, [now, accountId]);
  return new Map(rows.map((r) => [r.account_id, Number(r.n)]));
}

export const totalChanged = (byAccount: ReadonlyMap<string, number>): number => [...byAccount.values()].reduce((a, b) => a + b, 0);
