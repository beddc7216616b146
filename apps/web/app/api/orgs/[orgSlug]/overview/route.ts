import { z } from "zod";
import { getOverview } from "@safeguard/core/dashboard/get-overview";
import { orgRoute } from "../../../../../server/org-route";

export const trendQuerySchema = z.object({
  days: z.coerce.number().refine((d): d is 7 | 30 | 90 => d === 7 || d === 30 || d === 90, { message: "must be 7, 30 or 90" }).default(30),
});

/** GET /api/orgs/:slug/overview?days=30: score, breakdowns, trend, drift, account problems, BAA gaps. */
export const GET = orgRoute("dashboard.read", trendQuerySchema, ({ tx, input }) => getOverview({ tx, trendDays: input.days as 7 | 30 | 90 }));
