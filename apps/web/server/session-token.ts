import type { AuthenticatedUser } from "@safeguard/core/auth/authenticate-with-password";
import { sessionExpired } from "@safeguard/core/auth/session-policy";
import type { JWT } from "next-auth/jwt";

/**
 * The claims Safeguard keeps in the (encrypted) next-auth JWT. Only ids and clocks: no secrets,
 * no roles (roles are read from the database on every request, so a role change applies at once).
 */
declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    /** User.sessionVersion at sign-in; "sign out everywhere" bumps the user's, retiring this token */
    sv?: number;
    /** idle limit in minutes (strictest of the platform's and the user's organisations') */
    idle?: number;
    /** last request, ms epoch (refreshed by proxy.ts) */
    la?: number;
    /** sign-in time, ms epoch */
    at?: number;
  }
}

export function claimsForNewSession(user: AuthenticatedUser, now = Date.now()): Partial<JWT> {
  return { sub: user.id, uid: user.id, email: user.email, name: user.name, sv: user.sessionVersion, idle: user.idleMinutes, la: now, at: now };
}

export function tokenExpired(token: JWT | null, now = Date.now()): boolean {
  if (!token?.uid || typeof token.la !== "number" || typeof token.at !== "number" || typeof token.idle !== "number") return true;
  return sessionExpired({ lastActivity: token.la, authTime: token.at, idleMinutes: token.idle }, now);
}

export function sessionCookieName(secure: boolean): string {
  return secure ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}
