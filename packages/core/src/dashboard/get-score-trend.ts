// The compliance score per day from ComplianceSnapshot. An account scanned on Monday and not again
// until Thursday still counts on Tuesday and Wednesday: each day uses every account's latest
// snapshot on or before it (carried forward), so a missed scan does not look like a score jump.
import { z } from "zod";
import type { OrgTx } from "@safeguard/db/tenant";
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

export async function getScoreTrend({ tx, days, today = new Date() }: { tx: OrgTx; days: TrendRange; today?: Date }): Promise<TrendPoint[]> {
  const end = today.toISOString().slice(0, 10);
  const rows = await tx.$queryRaw<Array<{ day: string; wp: number | null; wt: number | null; pass: number | null; fail: number | null; suppressed: number | null }>>`
    WITH days AS (
      SELECT d::date AS day FROM generate_series(${end}::date - (${days}::int - 1), ${end}::date, interval '1 day') d
    ), accts AS (
      SELECT id FROM cloud_accounts WHERE deleted_at IS NULL
    )
    SELECT to_char(days.day, 'YYYY-MM-DD') AS day,
           sum(s.weighted_pass)::float8 AS wp, sum(s.weighted_total)::float8 AS wt,
           sum(s.pass_count)::int AS pass, sum(s.fail_count + s.error_count)::int AS fail,
           sum(s.suppressed_count)::int AS suppressed
    FROM days CROSS JOIN accts
    LEFT JOIN LATERAL (
      SELECT cs.* FROM compliance_snapshots cs
      WHERE cs.account_id = accts.id AND cs.day <= days.day
      ORDER BY cs.day DESC LIMIT 1
    ) s ON true
    GROUP BY days.day ORDER BY days.day`;
  const byDay = new Map(rows.map((r) => [r.day, r]));
  // With no accounts the join yields no rows: still return one point per day, all empty.
  const out: TrendPoint[] = [];
  for (let i = days - 1; i >= 0; i--) {
    const day = new Date(Date.parse(end) - i * 86_400_000).toISOString().slice(0, 10);
    const r = byDay.get(day);
    const wt = r?.wt ?? 0;
    out.push({ day, score: scorePercent({ weightedPass: r?.wp ?? 0, weightedTotal: wt }), pass: r?.pass ?? 0, fail: r?.fail ?? 0, suppressed: r?.suppressed ?? 0 });
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
