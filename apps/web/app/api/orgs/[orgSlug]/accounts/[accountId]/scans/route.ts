import { findScanHistory } from "@safeguard/core/account-status/find-scan-history";
import { orgRoute } from "../../../../../../../server/org-route";

/** GET /api/orgs/:slug/accounts/:id/scans: the account's last 10 scans. Another organisation's id is 404. */
export const GET = orgRoute("dashboard.read", ({ tx, params }) => findScanHistory({ tx, accountId: params.accountId ?? "" }));
