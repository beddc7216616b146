import { z } from "zod";
import type { OrgTx } from "@safeguard/db/tenant";
import { AUDIT_ACTIONS } from "../audit/actions";
import { recordAuditEvent, type RequestMeta } from "../audit/record-audit-event";
import { ForbiddenError, NotFoundError } from "../errors";
import type { Actor } from "./actor";
import { roleSchema } from "./role-schema";
import { assertAnotherOwnerRemains } from "./owner-guard";

export const changeMemberRoleSchema = z.object({
  membershipId: z.uuid("Unknown member."),
  role: roleSchema,
});
export type ChangeMemberRoleInput = z.infer<typeof changeMemberRoleSchema>;

/** Only owners grant or take away the OWNER role; the last owner cannot be demoted. */
export async function changeMemberRole(tx: OrgTx, args: { orgId: string; actor: Actor; input: ChangeMemberRoleInput }, meta: RequestMeta): Promise<void> {
  const member = await tx.membership.findUnique({ where: { id: args.input.membershipId }, include: { user: { select: { email: true } } } });
  if (!member) throw new NotFoundError("Member");
  if (member.role === args.input.role) return;
  if ((member.role === "OWNER" || args.input.role === "OWNER") && args.actor.role !== "OWNER") throw new ForbiddenError("members.grant-owner");
  if (member.role === "OWNER") await assertAnotherOwnerRemains(tx, member.userId);
  await tx.membership.update({ where: { id: member.id }, data: { role: args.input.role } });
  await recordAuditEvent(tx, args.orgId, {
    action: AUDIT_ACTIONS.memberRoleChanged,
    actorUserId: args.actor.userId,
    actorEmail: args.actor.email,
    targetType: "user",
    targetId: member.userId,
    metadata: { email: member.user.email, from: member.role, to: args.input.role },
    ...meta,
  });
}
