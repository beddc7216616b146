import { getResource } from "@safeguard/core/inventory/get-resource";
import { orgReadRoute } from "../../../../../../server/org-route";

/** GET /api/orgs/:slug/resources/:id: configuration, findings, change history. Another organisation's id is 404. */
export const GET = orgReadRoute("dashboard.read", ({ db, params }) => getResource({ db, resourceId: params.resourceId ?? "" }));
