import { getScoreTrend, trendQuerySchema, type TrendRange } from "@safeguard/core/dashboard/get-score-trend";
import { orgRoute } from "../../../../../../server/org-route";

/** GET /api/orgs/:slug/overview/trend?days=7|30|90: the daily score from ComplianceSnapshot. */
export const GET = orgRoute("dashboard.read", trendQuerySchema, ({ tx, input }) => getScoreTrend({ tx, days: input.days as TrendRange }));
