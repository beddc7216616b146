import { orgRoute } from "../../../../../server/org-route";
import { accountsForView } from "../../../../../server/accounts-view";

export const GET = orgRoute("dashboard.read", ({ tx, ctx }) => accountsForView(tx, ctx));
