import { listManualControls } from "@safeguard/core/manual-controls/list-manual-controls";
import { orgRoute } from "../../../../../server/org-route";

/** GET /api/orgs/:slug/manual-controls: every manual control with owner, cadence and attestation state. */
export const GET = orgRoute("dashboard.read", ({ tx }) => listManualControls({ tx }));
