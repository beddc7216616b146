import { getResource } from "@safeguard/core/inventory/get-resource";
import { orgRoute } from "../../../../../../server/org-route";

/** GET /api/orgs/:slug/resources/:id: configuration, findings, change history. Another organisation's id is 404. */
export const GET = orgRoute("dashboard.read", ({ tx, params }) => getResource({ tx, resourceId: params.resourceId ?? "" }));
