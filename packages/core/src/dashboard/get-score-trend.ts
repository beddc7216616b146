// The compliance score per day from ComplianceSnapshot. An account scanned on Monday and not again
// until Thursday still counts on Tuesday and Wednesday: each day uses every account's latest
// snapshot on or before it (carried forward), so a missed scan does not look like a score jump.
import { z } from "zod";
import { Prisma } from "@safeguard/db/client";
import type { OrgReader } from "@safeguard/db/tenant";
import { scorePercent } from "../compliance/score";

export const TREND_RANGES = [7, 30, 90] as const;
export type TrendRange = (typeof TREND_RANGES)[number];

export interface TrendPoint {
  /** YYYY-MM-DD (UTC) */
  day: string;
  score: number | null;
  pass: number;
  fail: number;
  suppressed: number;
}

interface SnapshotRow {
  accountId: string;
  day: string;
  wp: number;
  wt: number;
  pass: number;
  fail: number;
  suppressed: number;
}

export async function getScoreTrend({ db, days, today = new Date() }: { db: OrgReader; days: TrendRange; today?: Date }): Promise<TrendPoint[]> {
  const end = today.toISOString().slice(0, 10);
  const start = new Date(Date.parse(end) - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  // Each live account's snapshots inside the range, plus its latest one before it (the value carried
  // into the first days). One index range per account; the carrying forward is done below.
  const rows = await db.rows<SnapshotRow>(Prisma.sql`
    SELECT s.account_id AS "accountId", to_char(s.day, 'YYYY-MM-DD') AS day, s.weighted_pass::float8 AS wp, s.weighted_total::float8 AS wt,
           s.pass_count AS pass, (s.fail_count + s.error_count) AS fail, s.suppressed_count AS suppressed
    FROM cloud_accounts a
    CROSS JOIN LATERAL (
      (SELECT * FROM compliance_snapshots cs WHERE cs.account_id = a.id AND cs.day < ${start}::date ORDER BY cs.day DESC LIMIT 1)
      UNION ALL
      (SELECT * FROM compliance_snapshots cs WHERE cs.account_id = a.id AND cs.day BETWEEN ${start}::date AND ${end}::date)
    ) s
    WHERE a.deleted_at IS NULL
    ORDER BY s.day`);
  // Walk the days in order; each account contributes its latest snapshot on or before the day.
  const latest = new Map<string, SnapshotRow>();
  const out: TrendPoint[] = [];
  let next = 0;
  for (let i = days - 1; i >= 0; i--) {
    const day = new Date(Date.parse(end) - i * 86_400_000).toISOString().slice(0, 10);
    while (next < rows.length && rows[next]!.day <= day) {
      const r = rows[next++]!;
      latest.set(r.accountId, r);
    }
    let wp = 0;
    let wt = 0;
    let pass = 0;
    let fail = 0;
    let suppressed = 0;
    for (const r of latest.values()) {
      wp += r.wp;
      wt += r.wt;
      pass += r.pass;
      fail += r.fail;
      suppressed += r.suppressed;
    }
    out.push({ day, score: scorePercent({ weightedPass: wp, weightedTotal: wt }), pass, fail, suppressed });
  }
  return out;
}

/** `?days=` of the overview and trend routes. */
export const trendQuerySchema = z.object({
  days: z.coerce
    .number({ message: "must be 7, 30 or 90" })
    .refine((d): d is TrendRange => (TREND_RANGES as readonly number[]).includes(d), { message: "must be 7, 30 or 90" })
    .default(30),
});
