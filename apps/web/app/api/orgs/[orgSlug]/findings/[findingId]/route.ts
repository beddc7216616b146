import { getFinding } from "@safeguard/core/findings/get-finding";
import { orgRoute } from "../../../../../../server/org-route";

/** GET /api/orgs/:slug/findings/:id: evidence, remediation, history. Another organisation's id is 404. */
export const GET = orgRoute("dashboard.read", ({ tx, params }) => getFinding({ tx, findingId: params.findingId ?? "" }));
