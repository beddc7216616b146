import "server-only";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import type { Role } from "@safeguard/db/client";
import { getSessionUser } from "@safeguard/core/auth/session-user";
import { listUserOrganizations } from "@safeguard/core/orgs/list-user-organizations";
import { slugSchema } from "@safeguard/core/orgs/slug";
import { getSessionClaims } from "./session";

/**
 * THE place where a session becomes "who is acting, for which organisation, with which role".
 * Pages call getOrgContext(); server actions and route handlers go through orgAction()/orgRoute(),
 * which call resolveOrgContext(). The organisation always comes from the URL slug checked against
 * the caller's memberships: never from client input.
 */
export interface OrgContext {
  userId: string;
  email: string;
  name: string;
  mfaEnabled: boolean;
  orgId: string;
  slug: string;
  orgName: string;
  role: Role;
}

export interface UserContext {
  userId: string;
  email: string;
  name: string;
  mfaEnabled: boolean;
}

export type OrgContextResult =
  | { kind: "ok"; ctx: OrgContext }
  | { kind: "unauthenticated" }
  | { kind: "mfa_enrolment_required"; ctx: OrgContext }
  | { kind: "not_found" };

/** The signed-in user whose session is still current (sign-out-everywhere retires older ones). */
export async function resolveUserContext(): Promise<UserContext | null> {
  const claims = await getSessionClaims();
  if (!claims) return null;
  const user = await getSessionUser(claims.userId);
  if (!user || user.sessionVersion !== claims.sessionVersion) return null;
  return { userId: user.id, email: user.email, name: user.name, mfaEnabled: user.mfaEnabled };
}

/**
 * The user's memberships, once per render: the shell's organisation switcher reuses the lookup
 * org-context made (outside a render, e.g. in route handlers, React's cache() simply calls through).
 */
export const userOrganizations = cache((userId: string) => listUserOrganizations(userId));

export async function resolveOrgContext(orgSlug: string): Promise<OrgContextResult> {
  const claims = await getSessionClaims();
  if (!claims) return { kind: "unauthenticated" };
  if (!slugSchema.safeParse(orgSlug).success) {
    const user = await getSessionUser(claims.userId);
    return !user || user.sessionVersion !== claims.sessionVersion ? { kind: "unauthenticated" } : { kind: "not_found" };
  }
  // Two independent lookups on two pool connections, in parallel (one round trip of latency, not two).
  // The memberships are read for the token's user id; they are used only once the user row confirms
  // the session is still current.
  const [user, orgs] = await Promise.all([getSessionUser(claims.userId), userOrganizations(claims.userId)]);
  if (!user || user.sessionVersion !== claims.sessionVersion) return { kind: "unauthenticated" };
  const membership = orgs.find((o) => o.slug === orgSlug) ?? null;
  // Unknown slug and someone else's organisation look the same.
  if (!membership) return { kind: "not_found" };
  // The organisation may be stricter about idle time than the session was when issued.
  if (Date.now() - claims.lastActivity > membership.sessionIdleMinutes * 60_000) return { kind: "unauthenticated" };
  const ctx: OrgContext = {
    userId: user.id,
    email: user.email,
    name: user.name,
    mfaEnabled: user.mfaEnabled,
    orgId: membership.orgId,
    slug: membership.slug,
    orgName: membership.name,
    role: membership.role,
  };
  if (membership.requireMfa && !user.mfaEnabled) return { kind: "mfa_enrolment_required", ctx };
  return { kind: "ok", ctx };
}

/**
 * For server components under app/(app)/[orgSlug]. Redirects to sign-in (no/expired session) or to
 * MFA enrolment (the organisation requires MFA), and 404s for anyone who is not a member.
 * Cached per request, so the layout and the page share one lookup.
 */
export const getOrgContext = cache(async (orgSlug: string): Promise<OrgContext> => {
  const result = await resolveOrgContext(orgSlug);
  switch (result.kind) {
    case "ok":
      return result.ctx;
    case "unauthenticated":
      return redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/${orgSlug}`)}`);
    case "mfa_enrolment_required":
      return redirect(`/account/security?required=${encodeURIComponent(orgSlug)}`);
    case "not_found":
      return notFound();
  }
});

/** For pages outside an organisation (account security, organisation picker). */
export const getUserContext = cache(async (callbackUrl = "/"): Promise<UserContext> => {
  const user = await resolveUserContext();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  return user;
});
