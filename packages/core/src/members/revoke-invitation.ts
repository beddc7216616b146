import type { OrgTx } from "@safeguard/db/tenant";
import { AUDIT_ACTIONS } from "../audit/actions";
import { recordAuditEvent, type RequestMeta } from "../audit/record-audit-event";
import { NotFoundError } from "../errors";
import type { Actor } from "./actor";

export async function revokeInvitation(tx: OrgTx, args: { orgId: string; actor: Actor; invitationId: string }, meta: RequestMeta): Promise<void> {
  const { count } = await tx.invitation.updateMany({ where: { id: args.invitationId, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count === 0) throw new NotFoundError("Invitation");
  await recordAuditEvent(tx, args.orgId, { action: AUDIT_ACTIONS.invitationRevoked, actorUserId: args.actor.userId, actorEmail: args.actor.email, targetType: "invitation", targetId: args.invitationId, ...meta });
}
