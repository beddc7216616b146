"use server";

import { z } from "zod";
import { changeMemberRole, changeMemberRoleSchema } from "@safeguard/core/members/change-member-role";
import { inviteMember, inviteMemberSchema } from "@safeguard/core/members/invite-member";
import { removeMember, removeMemberSchema } from "@safeguard/core/members/remove-member";
import { revokeInvitation } from "@safeguard/core/members/revoke-invitation";
import { env } from "../../../../env";
import { orgAction } from "../../../../server/org-action";

/** Returns the one-time invitation link: shown once to the inviter (no mail delivery yet). */
export const inviteMemberAction = orgAction("members.manage", inviteMemberSchema, ({ ctx, input, tx, meta }) =>
  inviteMember(tx, { orgId: ctx.orgId, actor: ctx, input, baseUrl: env().NEXTAUTH_URL }, meta),
);

export const changeMemberRoleAction = orgAction("members.manage", changeMemberRoleSchema, async ({ ctx, input, tx, meta }) => {
  await changeMemberRole(tx, { orgId: ctx.orgId, actor: ctx, input }, meta);
  return null;
});

export const removeMemberAction = orgAction("members.manage", removeMemberSchema, async ({ ctx, input, tx, meta }) => {
  await removeMember(tx, { orgId: ctx.orgId, actor: ctx, membershipId: input.membershipId }, meta);
  return null;
});

export const revokeInvitationAction = orgAction("members.manage", z.object({ invitationId: z.uuid("Unknown invitation.") }), async ({ ctx, input, tx, meta }) => {
  await revokeInvitation(tx, { orgId: ctx.orgId, actor: ctx, invitationId: input.invitationId }, meta);
  return null;
});
