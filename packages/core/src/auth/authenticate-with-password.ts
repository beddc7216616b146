import { prisma } from "@safeguard/db/client";
import { system } from "@safeguard/db/system";
import { AUDIT_ACTIONS } from "../audit/actions";
import { recordUserAuditEvent, type RequestMeta } from "../audit/record-audit-event";
import { verifyPassword } from "./password";
import { verifySecondFactor } from "./second-factor";
import { effectiveIdleMinutes, platformIdleMinutes } from "./session-policy";
import { normaliseEmail } from "./session-user";
import { lockoutMessage, SignInThrottle } from "./sign-in-throttle";

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  sessionVersion: number;
  idleMinutes: number;
}

export type SignInFailure = "invalid_credentials" | "locked" | "mfa_required" | "mfa_invalid";

export type SignInResult =
  | { ok: true; user: AuthenticatedUser }
  | { ok: false; reason: SignInFailure; message: string; retryAfterSeconds?: number };

const MESSAGES: Record<Exclude<SignInFailure, "locked">, string> = {
  invalid_credentials: "The email or password is incorrect.",
  mfa_required: "Enter the 6-digit code from your authenticator app (or a recovery code).",
  mfa_invalid: "That code is not valid. Check your device's clock, or use a recovery code.",
};

/**
 * Email + password (+ second factor when the user enrolled one). Every outcome is audited; failures
 * count towards the per-email and per-IP lockout. A wrong MFA code counts as a failure too, so the
 * 10^6 code space cannot be walked once the password is known.
 */
export async function authenticateWithPassword(
  input: { email: string; password: string; code?: string | null },
  meta: RequestMeta,
  throttle = new SignInThrottle(),
): Promise<SignInResult> {
  const email = normaliseEmail(input.email);
  const state = await throttle.check(email, meta.ip);
  if (state.locked) {
    return { ok: false, reason: "locked", message: lockoutMessage(state), retryAfterSeconds: state.retryAfterSeconds };
  }

  const user = await prisma().user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true, sessionVersion: true, mfaEnabledAt: true } });
  const passwordOk = await verifyPassword(input.password, user?.passwordHash);
  const fail = async (reason: "invalid_credentials" | "mfa_invalid"): Promise<SignInResult> => {
    const after = await throttle.recordFailure(email, meta.ip);
    await recordUserAuditEvent(user?.id ?? null, { action: AUDIT_ACTIONS.signInFailed, actorEmail: email, ...meta, metadata: { reason, knownUser: user != null } });
    if (after.locked) {
      await recordUserAuditEvent(user?.id ?? null, { action: AUDIT_ACTIONS.signInLocked, actorEmail: email, ...meta, metadata: { scope: after.scope, lockSeconds: after.retryAfterSeconds } });
      return { ok: false, reason: "locked", message: lockoutMessage(after), retryAfterSeconds: after.retryAfterSeconds };
    }
    return { ok: false, reason, message: MESSAGES[reason] };
  };
  if (!user || !passwordOk) return fail("invalid_credentials");

  if (user.mfaEnabledAt) {
    if (!input.code?.trim()) return { ok: false, reason: "mfa_required", message: MESSAGES.mfa_required };
    const factor = await verifySecondFactor(user.id, input.code);
    if (!factor) return fail("mfa_invalid");
    if (factor === "recovery") await recordUserAuditEvent(user.id, { action: AUDIT_ACTIONS.mfaRecoveryCodeUsed, actorEmail: email, ...meta });
  }

  await throttle.recordSuccess(email);
  await prisma().user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  await recordUserAuditEvent(user.id, { action: AUDIT_ACTIONS.signIn, actorEmail: email, ...meta, metadata: { method: "password", mfa: user.mfaEnabledAt != null } });
  const orgs = await system.membershipsOfUser(user.id);
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion, idleMinutes: effectiveIdleMinutes(platformIdleMinutes(), orgs.map((o) => o.session_idle_minutes)) },
  };
}
