import { prisma } from "@safeguard/db/client";
import { AUDIT_ACTIONS } from "../audit/actions";
import { recordUserAuditEvent, type RequestMeta } from "../audit/record-audit-event";
import { ConflictError, ValidationError } from "../errors";
import { open } from "../security/secret-box";
import { generateRecoveryCodes, hashRecoveryCode } from "./recovery-codes";
import { claimTotpStep } from "./sign-in-throttle";
import { verifyTotp } from "./totp";

/** Turns MFA on once a code from the pending seed checks out. Returns the recovery codes: shown once, stored hashed. */
export async function confirmMfaEnrolment(userId: string, code: string, meta: RequestMeta, now = Date.now()): Promise<{ recoveryCodes: string[] }> {
  const user = await prisma().user.findUnique({ where: { id: userId }, select: { email: true, mfaSecretEnc: true, mfaEnabledAt: true } });
  if (!user?.mfaSecretEnc) throw new ConflictError("Start enrolment first: no authenticator is pending.");
  if (user.mfaEnabledAt) throw new ConflictError("Two-factor authentication is already on.");
  const step = verifyTotp(Buffer.from(open(user.mfaSecretEnc), "base64"), code, now);
  if (step == null || !(await claimTotpStep(userId, step))) {
    throw ValidationError.field("code", "That code does not match. Enter the current 6-digit code from your app.");
  }
  const recoveryCodes = generateRecoveryCodes();
  await prisma().user.update({ where: { id: userId }, data: { mfaEnabledAt: new Date(now), recoveryCodeHashes: recoveryCodes.map(hashRecoveryCode) } });
  await recordUserAuditEvent(userId, { action: AUDIT_ACTIONS.mfaEnabled, actorEmail: user.email, ...meta });
  return { recoveryCodes };
}
