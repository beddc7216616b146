import { getOverview } from "@safeguard/core/dashboard/get-overview";
import { trendQuerySchema, type TrendRange } from "@safeguard/core/dashboard/get-score-trend";
import { orgRoute } from "../../../../../server/org-route";

/** GET /api/orgs/:slug/overview?days=30: score, breakdowns, trend, drift, account problems, BAA gaps. */
export const GET = orgRoute("dashboard.read", trendQuerySchema, ({ tx, input }) => getOverview({ tx, trendDays: input.days as TrendRange }));
