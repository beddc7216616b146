// Everything the overview page shows, in one call (one read-only tenant transaction, a few indexed queries).
import { Prisma } from "@safeguard/db/client";
import type { OrgReader } from "@safeguard/db/tenant";
import { SCORE_FORMULA, scorePercent } from "../compliance/score";
import { listManualControls } from "../manual-controls/list-manual-controls";
import { manualControlWeight, MANUAL_SCORE_RULE } from "../manual-controls/manual-control-state";
import { findAccountProblems, type AccountProblem } from "./find-account-problems";
import { findDriftEvents, type DriftEvent } from "./find-drift-events";
import { findUncoveredServicesWithTotal, type UncoveredService } from "./find-uncovered-services";
import { getScoreTrend, type TrendPoint, type TrendRange } from "./get-score-trend";
import { loadPosture, type Tally } from "./posture";
import { summarizePosture, type PostureSummary } from "./summarize-posture";

export interface Overview {
  /** false until the organisation has connected an account: the page shows onboarding instead */
  hasAccounts: boolean;
  hasFindings: boolean;
  accounts: Array<{ id: string; name: string; provider: string; status: string; lastScanAt: Date | null }>;
  resourceCount: number;
  /** cloud configuration only: the same formula as the daily snapshots and the trend */
  cloud: PostureSummary;
  /** cloud + manual controls as weighted items (MANUAL_SCORE_RULE) */
  overallScore: number | null;
  manual: { current: number; total: number; overdue: number; never: number };
  formula: { cloud: string; manual: string };
  trend: TrendPoint[];
  trendDays: TrendRange;
  drift: DriftEvent[];
  accountProblems: AccountProblem[];
  uncoveredServices: UncoveredService[];
}

export type ByAccount = Array<{ accountId: string; name: string } & Tally>;

export async function getOverview({ db, trendDays = 30, now = new Date() }: { db: OrgReader; trendDays?: TrendRange; now?: Date }): Promise<Overview> {
  const accounts = await db.rows<Overview["accounts"][number]>(Prisma.sql`
    SELECT id, name, provider::text AS provider, status::text AS status, last_scan_at AS "lastScanAt"
    FROM cloud_accounts WHERE deleted_at IS NULL ORDER BY name`);
  const [rows, manualControls, trend, drift, accountProblems, uncovered] = [
    await loadPosture({ db }),
    await listManualControls({ db, now }),
    await getScoreTrend({ db, days: trendDays, today: now }),
    await findDriftEvents({ db, limit: 10 }),
    await findAccountProblems({ db }),
    await findUncoveredServicesWithTotal({ db }),
  ];
  const { services: uncoveredServices, resources: resourceCount } = uncovered;
  const cloud = summarizePosture(rows);
  let mPass = 0;
  let mTotal = 0;
  const manual = { current: 0, total: manualControls.length, overdue: 0, never: 0 };
  for (const m of manualControls) {
    const w = manualControlWeight(m.requirement);
    mTotal += w;
    if (m.state === "current") {
      manual.current++;
      mPass += w;
    } else if (m.state === "overdue") manual.overdue++;
    else manual.never++;
  }
  return {
    hasAccounts: accounts.length > 0,
    hasFindings: rows.length > 0,
    accounts,
    resourceCount,
    cloud,
    overallScore: scorePercent({ weightedPass: cloud.overall.weightedPass + mPass, weightedTotal: cloud.overall.weightedTotal + mTotal }),
    manual,
    formula: { cloud: SCORE_FORMULA, manual: MANUAL_SCORE_RULE },
    trend,
    trendDays,
    drift,
    accountProblems,
    uncoveredServices,
  };
}
