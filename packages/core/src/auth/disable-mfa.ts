import { prisma } from "@safeguard/db/client";
import { AUDIT_ACTIONS } from "../audit/actions";
import { recordUserAuditEvent, type RequestMeta } from "../audit/record-audit-event";
import { ConflictError, ValidationError } from "../errors";
import { verifySecondFactor } from "./second-factor";

/** Turns MFA off after a current code (or a recovery code) proves the caller holds the device. */
export async function disableMfa(userId: string, code: string, meta: RequestMeta): Promise<void> {
  const user = await prisma().user.findUnique({ where: { id: userId }, select: { email: true, mfaEnabledAt: true } });
  if (!user?.mfaEnabledAt) throw new ConflictError("Two-factor authentication is not on.");
  const factor = await verifySecondFactor(userId, code);
  if (!factor) throw ValidationError.field("code", "That code is not valid.");
  await prisma().user.update({ where: { id: userId }, data: { mfaSecretEnc: null, mfaEnabledAt: null, recoveryCodeHashes: [] } });
  await recordUserAuditEvent(userId, { action: AUDIT_ACTIONS.mfaDisabled, actorEmail: user.email, ...meta, metadata: { confirmedWith: factor } });
}
