import { can } from "@safeguard/core/access/permissions";
import { membersForView } from "../../../../../server/members-view";
import { orgRoute } from "../../../../../server/org-route";

export const GET = orgRoute("members.read", ({ tx, ctx }) => membersForView(tx, can(ctx.role, "members.manage")));
