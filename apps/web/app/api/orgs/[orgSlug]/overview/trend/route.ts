import { getScoreTrend, trendQuerySchema, type TrendRange } from "@safeguard/core/dashboard/get-score-trend";
import { orgReadRoute } from "../../../../../../server/org-route";

/** GET /api/orgs/:slug/overview/trend?days=7|30|90: the daily score from ComplianceSnapshot. */
export const GET = orgReadRoute("dashboard.read", trendQuerySchema, ({ db, input }) => getScoreTrend({ db, days: input.days as TrendRange }));
