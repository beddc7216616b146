import { listManualControls } from "@safeguard/core/manual-controls/list-manual-controls";
import { orgReadRoute } from "../../../../../server/org-route";

/** GET /api/orgs/:slug/manual-controls: every manual control with owner, cadence and attestation state. */
export const GET = orgReadRoute("dashboard.read", ({ db }) => listManualControls({ db }));
