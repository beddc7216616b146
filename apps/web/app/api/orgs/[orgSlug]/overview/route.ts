import { getOverview } from "@safeguard/core/dashboard/get-overview";
import { trendQuerySchema, type TrendRange } from "@safeguard/core/dashboard/get-score-trend";
import { orgReadRoute } from "../../../../../server/org-route";

/** GET /api/orgs/:slug/overview?days=30: score, breakdowns, trend, drift, account problems, BAA gaps. */
export const GET = orgReadRoute("dashboard.read", trendQuerySchema, ({ db, input }) => getOverview({ db, trendDays: input.days as TrendRange }));
