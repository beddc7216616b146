import { prisma } from "@safeguard/db/client";
import { system } from "@safeguard/db/system";
import { AUDIT_ACTIONS } from "../audit/actions";
import { recordUserAuditEvent, type RequestMeta } from "../audit/record-audit-event";
import type { AuthenticatedUser } from "./authenticate-with-password";
import { effectiveIdleMinutes, platformIdleMinutes } from "./session-policy";
import { normaliseEmail } from "./session-user";

/**
 * Single sign-on: the identity provider vouches for the person. An existing Safeguard user is linked
 * by subject, or on first use by a *verified* email (an unverified one could be anyone's). SSO never
 * creates users: people join through sign-up or an invitation first.
 */
export async function signInWithOidc(
  profile: { subject: string; email: string | null | undefined; emailVerified: boolean },
  meta: RequestMeta,
): Promise<AuthenticatedUser | null> {
  let user = await prisma().user.findUnique({ where: { oidcSubject: profile.subject } });
  if (!user && profile.email && profile.emailVerified) {
    const byEmail = await prisma().user.findUnique({ where: { email: normaliseEmail(profile.email) } });
    if (byEmail && !byEmail.oidcSubject) user = await prisma().user.update({ where: { id: byEmail.id }, data: { oidcSubject: profile.subject } });
  }
  if (!user) {
    await recordUserAuditEvent(null, { action: AUDIT_ACTIONS.signInFailed, actorEmail: profile.email ?? null, ...meta, metadata: { reason: "oidc_no_linked_user", method: "oidc" } });
    return null;
  }
  await prisma().user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  await recordUserAuditEvent(user.id, { action: AUDIT_ACTIONS.signIn, actorEmail: user.email, ...meta, metadata: { method: "oidc" } });
  const orgs = await system.membershipsOfUser(user.id);
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion, idleMinutes: effectiveIdleMinutes(platformIdleMinutes(), orgs.map((o) => o.session_idle_minutes)) };
}
