import "server-only";
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { cache } from "react";
import { env } from "../env";
import { sessionCookieName, tokenExpired } from "./session-token";

export interface SessionClaims {
  userId: string;
  sessionVersion: number;
  /** ms epoch of the previous request, as carried by the session cookie */
  lastActivity: number;
}

/** next-auth splits cookies over 4 kB into `<name>.0`, `<name>.1`, …; ours are small, but read both forms. */
function readSessionCookie(jar: Awaited<ReturnType<typeof cookies>>, name: string): string | undefined {
  const whole = jar.get(name)?.value;
  if (whole) return whole;
  const chunks = jar
    .getAll()
    .filter((c) => c.name.startsWith(`${name}.`))
    .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
  return chunks.length ? chunks.map((c) => c.value).join("") : undefined;
}

/**
 * The signed-in person according to the session cookie, or null (no cookie, bad signature, idle,
 * over-age). Whether the session is still valid for the user (sign-out-everywhere) and which
 * organisations they may see is decided by org-context.ts, not here.
 *
 * Decrypts the next-auth JWT directly instead of calling getServerSession(): that one also runs the
 * session callbacks and re-encrypts the cookie on every call, work proxy.ts already does once per
 * request (it refreshes the idle clock). Same checks: the token must decrypt with NEXTAUTH_SECRET and
 * not be idle or over-age (tokenExpired, as in the session callback). Cached per render.
 */
export const getSessionClaims = cache(async (): Promise<SessionClaims | null> => {
  const e = env();
  const raw = readSessionCookie(await cookies(), sessionCookieName(e.NEXTAUTH_URL.startsWith("https://")));
  if (!raw) return null;
  const token = await decode({ token: raw, secret: e.NEXTAUTH_SECRET }).catch(() => null);
  if (!token || tokenExpired(token) || !token.uid || typeof token.sv !== "number") return null;
  return { userId: token.uid, sessionVersion: token.sv, lastActivity: token.la ?? Date.now() };
});
