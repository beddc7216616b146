import { findFindings } from "@safeguard/core/findings/find-findings";
import { findingPageSchema } from "@safeguard/core/findings/finding-filters";
import { orgReadRoute } from "../../../../../server/org-route";

/** GET /api/orgs/:slug/findings?status=FAIL&severity=HIGH,CRITICAL&citation=164.312(a)(1)&sort=severity&cursor=… */
export const GET = orgReadRoute("dashboard.read", findingPageSchema, ({ db, input }) => findFindings({ db, query: input }));
