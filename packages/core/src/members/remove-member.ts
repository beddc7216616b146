import { z } from "zod";
import type { OrgTx } from "@safeguard/db/tenant";
import { AUDIT_ACTIONS } from "../audit/actions";
import { recordAuditEvent, type RequestMeta } from "../audit/record-audit-event";
import { ForbiddenError, NotFoundError } from "../errors";
import type { Actor } from "./actor";
import { assertAnotherOwnerRemains } from "./owner-guard";

export const removeMemberSchema = z.object({ membershipId: z.uuid("Unknown member.") });

/** Removes a member (their user stays: they may belong to other organisations). Not the last owner. */
export async function removeMember(tx: OrgTx, args: { orgId: string; actor: Actor; membershipId: string }, meta: RequestMeta): Promise<void> {
  const member = await tx.membership.findUnique({ where: { id: args.membershipId }, include: { user: { select: { email: true } } } });
  if (!member) throw new NotFoundError("Member");
  if (member.role === "OWNER" && args.actor.role !== "OWNER") throw new ForbiddenError("members.remove-owner");
  if (member.role === "OWNER") await assertAnotherOwnerRemains(tx, member.userId);
  await tx.membership.delete({ where: { id: member.id } });
  await recordAuditEvent(tx, args.orgId, {
    action: AUDIT_ACTIONS.memberRemoved,
    actorUserId: args.actor.userId,
    actorEmail: args.actor.email,
    targetType: "user",
    targetId: member.userId,
    metadata: { email: member.user.email, role: member.role },
    ...meta,
  });
}
