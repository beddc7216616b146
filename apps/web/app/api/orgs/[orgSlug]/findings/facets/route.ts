import { listFindingFacets } from "@safeguard/core/findings/list-finding-facets";
import { orgReadRoute } from "../../../../../../server/org-route";

/** GET /api/orgs/:slug/findings/facets: the values the filter menus offer. */
export const GET = orgReadRoute("dashboard.read", ({ db }) => listFindingFacets({ db }));
