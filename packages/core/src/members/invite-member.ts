import { z } from "zod";
import type { OrgTx } from "@safeguard/db/tenant";
import { AUDIT_ACTIONS } from "../audit/actions";
import { recordAuditEvent, type RequestMeta } from "../audit/record-audit-event";
import { normaliseEmail } from "../auth/session-user";
import { ConflictError, ForbiddenError } from "../errors";
import type { Actor } from "./actor";
import { roleSchema } from "./role-schema";
import { INVITATION_TTL_DAYS, newInvitationToken } from "./invitation-token";

export const inviteMemberSchema = z.object({
  email: z.email("Enter a valid email address.").max(254),
  role: roleSchema,
});
export type InviteMemberInput = z.infer<typeof inviteMemberSchema>;

/**
 * Invites someone by email. Returns the one-time link (shown once to the inviter; until mail is
 * wired it is also written to the audit log's metadata so an owner can retrieve it). Only the
 * token's hash is stored. Only owners may invite owners.
 */
export async function inviteMember(
  tx: OrgTx,
  args: { orgId: string; actor: Actor; input: InviteMemberInput; baseUrl: string },
  meta: RequestMeta,
  now = new Date(),
): Promise<{ invitationId: string; link: string; expiresAt: string }> {
  const email = normaliseEmail(args.input.email);
  if (args.input.role === "OWNER" && args.actor.role !== "OWNER") throw new ForbiddenError("members.grant-owner");
  const existing = await tx.membership.findFirst({ where: { user: { email } }, select: { id: true } });
  if (existing) throw new ConflictError("This person is already a member.");
  // A new invitation replaces any pending one for the same address.
  await tx.invitation.updateMany({ where: { email, acceptedAt: null, revokedAt: null }, data: { revokedAt: now } });
  const { token, tokenHash } = newInvitationToken();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_DAYS * 86_400_000);
  const invitation = await tx.invitation.create({ data: { orgId: args.orgId, email, role: args.input.role, tokenHash, invitedById: args.actor.userId, expiresAt } });
  const link = `${args.baseUrl.replace(/\/$/, "")}/invite/${token}`;
  await recordAuditEvent(tx, args.orgId, {
    action: AUDIT_ACTIONS.memberInvited,
    actorUserId: args.actor.userId,
    actorEmail: args.actor.email,
    targetType: "invitation",
    targetId: invitation.id,
    // Delivery stand-in until SMTP: the link is recorded so it can be resent by hand.
    metadata: { email, role: args.input.role, link, expiresAt: expiresAt.toISOString() },
    ...meta,
  });
  return { invitationId: invitation.id, link, expiresAt: expiresAt.toISOString() };
}
