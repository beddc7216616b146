import { listFindingFacets } from "@safeguard/core/findings/list-finding-facets";
import { orgRoute } from "../../../../../../server/org-route";

/** GET /api/orgs/:slug/findings/facets: the values the filter menus offer. */
export const GET = orgRoute("dashboard.read", ({ tx }) => listFindingFacets({ tx }));
