import { prisma } from "@safeguard/db/client";
import { AUDIT_ACTIONS } from "../audit/actions";
import { recordUserAuditEvent, type RequestMeta } from "../audit/record-audit-event";

/** Invalidates every session of the user: sessions carry the version they were issued with. */
export async function signOutEverywhere(userId: string, meta: RequestMeta): Promise<void> {
  const user = await prisma().user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } }, select: { email: true } });
  await recordUserAuditEvent(userId, { action: AUDIT_ACTIONS.signOutEverywhere, actorEmail: user.email, ...meta });
}
