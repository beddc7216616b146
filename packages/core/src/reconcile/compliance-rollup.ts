// The day's ComplianceSnapshot for one account, recomputed from the findings table in one statement
// at the end of every scan (a second scan the same day overwrites the row: the day shows its latest state).
import type { OrgSql } from "@safeguard/db/tenant";
import { getCheck } from "@safeguard/controls/catalog";
import { severityWeightSql } from "../compliance/score";

/** (check id, citation) pairs for the checks present, so the breakdown can be keyed by HIPAA citation. */
function citationPairs(checkIds: readonly string[]): { checks: string[]; citations: string[] } {
  const checks: string[] = [];
  const citations: string[] = [];
  for (const id of checkIds) {
    for (const c of getCheck(id)?.citations ?? []) {
      checks.push(id);
      citations.push(c);
    }
  }
  return { checks, citations };
}

export async function rollUpComplianceSnapshot(sql: OrgSql, orgId: string, accountId: string): Promise<void> {
  const { rows } = await sql.query<{ check_id: string }>(
    "SELECT DISTINCT check_id FROM findings WHERE account_id = $1 AND deleted_at IS NULL",
    [accountId],
  );
  const pairs = citationPairs(rows.map((r) => r.check_id));
  const w = severityWeightSql("severity");
  await sql.query(
    `WITH live AS (
       SELECT f.check_id, f.status, f.severity, f.suppressed FROM findings f
       WHERE f.account_id = $2 AND f.deleted_at IS NULL AND f.in_scope
     ), scored AS (SELECT * FROM live WHERE NOT suppressed AND status <> 'NOT_APPLICABLE'),
     by_sev AS (
       SELECT severity::text AS k, jsonb_build_object('pass', count(*) FILTER (WHERE status = 'PASS'), 'fail', count(*) FILTER (WHERE status <> 'PASS')) AS v
       FROM scored GROUP BY severity
     ), cit AS (SELECT * FROM unnest($3::text[], $4::text[]) AS c(check_id, citation)),
     by_cit AS (
       SELECT c.citation AS k, jsonb_build_object('pass', count(*) FILTER (WHERE s.status = 'PASS'), 'fail', count(*) FILTER (WHERE s.status <> 'PASS')) AS v
       FROM scored s JOIN cit c ON c.check_id = s.check_id GROUP BY c.citation
     )
     INSERT INTO compliance_snapshots AS cs (id, org_id, account_id, day, pass_count, fail_count, error_count, suppressed_count,
       weighted_pass, weighted_total, resource_count, breakdown, updated_at)
     SELECT sg_uuid_v7(), $1, $2, (now() AT TIME ZONE 'UTC')::date,
       (SELECT count(*) FROM scored WHERE status = 'PASS'),
       (SELECT count(*) FROM scored WHERE status = 'FAIL'),
       (SELECT count(*) FROM scored WHERE status = 'ERROR'),
       (SELECT count(*) FROM live WHERE suppressed),
       (SELECT coalesce(sum(${w}) FILTER (WHERE status = 'PASS'), 0) FROM scored),
       (SELECT coalesce(sum(${w}), 0) FROM scored),
       (SELECT count(*) FROM resources WHERE account_id = $2 AND deleted_at IS NULL AND in_scope),
       jsonb_build_object('severity', coalesce((SELECT jsonb_object_agg(k, v) FROM by_sev), '{}'::jsonb),
                          'citation', coalesce((SELECT jsonb_object_agg(k, v) FROM by_cit), '{}'::jsonb)),
       now()
     ON CONFLICT (org_id, account_id, day) DO UPDATE SET
       pass_count = excluded.pass_count, fail_count = excluded.fail_count, error_count = excluded.error_count,
       suppressed_count = excluded.suppressed_count, weighted_pass = excluded.weighted_pass,
       weighted_total = excluded.weighted_total, resource_count = excluded.resource_count,
       breakdown = excluded.breakdown, updated_at = now()`,
    [orgId, accountId, pairs.checks, pairs.citations],
  );
}
