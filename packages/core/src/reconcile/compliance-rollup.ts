// The day's ComplianceSnapshot for one account, recomputed from the findings table at the end of
// every scan (a second scan the same day overwrites the row: the day shows its latest state).
// One pass over the account's findings groups them by check; the severity and citation breakdowns
// are then built from those few hundred groups, not from the rows. Also run when suppression changes
// outside a scan (lapsed exceptions), hence the SqlRunner (pg client or Prisma transaction).
import { getCheck } from "@safeguard/controls/catalog";
import { severityWeightSql } from "../compliance/score";
import type { SqlRunner } from "./sql-runner";

interface CheckGroup {
  check_id: string;
  severity: string;
  pass: string;
  fail: string;
  error: string;
  suppressed: string;
}

export async function rollUpComplianceSnapshot(db: SqlRunner, orgId: string, accountId: string): Promise<void> {
  const rows = await db.rows<CheckGroup>(
    `SELECT check_id, severity::text AS severity,
       count(*) FILTER (WHERE NOT suppressed AND status = 'PASS') AS pass,
       count(*) FILTER (WHERE NOT suppressed AND status = 'FAIL') AS fail,
       count(*) FILTER (WHERE NOT suppressed AND status = 'ERROR') AS error,
       count(*) FILTER (WHERE suppressed) AS suppressed
     FROM findings WHERE account_id = $1::uuid AND deleted_at IS NULL AND in_scope
     GROUP BY check_id, severity`,
    [accountId],
  );
  const totals = { pass: 0, fail: 0, error: 0, suppressed: 0 };
  const bySeverity: Record<string, { pass: number; fail: number }> = {};
  const byCitation: Record<string, { pass: number; fail: number }> = {};
  const checks: string[] = [];
  const severities: string[] = [];
  const passes: number[] = [];
  const failing: number[] = [];
  for (const g of rows) {
    const pass = Number(g.pass);
    const fail = Number(g.fail) + Number(g.error);
    totals.pass += pass;
    totals.fail += Number(g.fail);
    totals.error += Number(g.error);
    totals.suppressed += Number(g.suppressed);
    const s = (bySeverity[g.severity] ??= { pass: 0, fail: 0 });
    s.pass += pass;
    s.fail += fail;
    for (const c of getCheck(g.check_id)?.citations ?? []) {
      const b = (byCitation[c] ??= { pass: 0, fail: 0 });
      b.pass += pass;
      b.fail += fail;
    }
    checks.push(g.check_id);
    severities.push(g.severity);
    passes.push(pass);
    failing.push(fail);
  }
  // Weights in SQL, from the same definition the score uses.
  const w = severityWeightSql("g.severity");
  await db.rows(
    `WITH g AS (SELECT * FROM unnest($3::text[], $4::text[], $5::int[], $6::int[]) AS g(check_id, severity, pass, fail))
     INSERT INTO compliance_snapshots AS cs (id, org_id, account_id, day, pass_count, fail_count, error_count, suppressed_count,
       weighted_pass, weighted_total, resource_count, breakdown, updated_at)
     SELECT sg_uuid_v7(), $1::uuid, $2::uuid, (now() AT TIME ZONE 'UTC')::date, $7::int, $8::int, $9::int, $10::int,
       coalesce((SELECT sum(${w} * g.pass) FROM g), 0), coalesce((SELECT sum(${w} * (g.pass + g.fail)) FROM g), 0),
       (SELECT count(*) FROM resources WHERE account_id = $2::uuid AND deleted_at IS NULL AND in_scope), $11::jsonb, now()
     ON CONFLICT (org_id, account_id, day) DO UPDATE SET
       pass_count = excluded.pass_count, fail_count = excluded.fail_count, error_count = excluded.error_count,
       suppressed_count = excluded.suppressed_count, weighted_pass = excluded.weighted_pass,
       weighted_total = excluded.weighted_total, resource_count = excluded.resource_count,
       breakdown = excluded.breakdown, updated_at = now()`,
    [orgId, accountId, checks, severities, passes, failing, totals.pass, totals.fail, totals.error, totals.suppressed,
      JSON.stringify({ severity: bySeverity, citation: byCitation })],
  );
}
