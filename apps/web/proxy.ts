import { NextResponse, type NextRequest } from "next/server";
import { encode, getToken } from "next-auth/jwt";
import { ABSOLUTE_SESSION_HOURS } from "@safeguard/core/auth/session-policy";
import { env } from "./env";
import { sessionCookieName, tokenExpired } from "./server/session-token";

/**
 * Runs before every page and API request (Next 16 "proxy", formerly middleware):
 * - ends idle sessions: the JWT carries its last-activity time and idle limit;
 * - refreshes last-activity on each request, so the idle clock restarts while the user works;
 * - sends anonymous visitors of app pages to sign-in (API routes answer 401 themselves).
 * Membership, roles and "sign out everywhere" are checked per request in server/org-context.ts.
 */
const PUBLIC_PREFIXES = ["/sign-in", "/sign-up", "/invite/", "/api/auth/"];

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const secret = env().NEXTAUTH_SECRET;
  const secure = env().NEXTAUTH_URL.startsWith("https://");
  const cookieName = sessionCookieName(secure);
  const token = await getToken({ req: request, secret, secureCookie: secure });
  const isPublic = pathname === "/favicon.ico" || PUBLIC_PREFIXES.some((p) => pathname.startsWith(p));

  if (!token || tokenExpired(token)) {
    if (isPublic || pathname.startsWith("/api/")) {
      const response = NextResponse.next();
      if (token) response.cookies.delete(cookieName);
      return response;
    }
    const url = request.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = `?callbackUrl=${encodeURIComponent(pathname + search)}${token ? "&reason=idle" : ""}`;
    const response = NextResponse.redirect(url);
    response.cookies.delete(cookieName);
    return response;
  }

  const refreshed = await encode({ token: { ...token, la: Date.now() }, secret, maxAge: ABSOLUTE_SESSION_HOURS * 3600 });
  const response = NextResponse.next();
  response.cookies.set(cookieName, refreshed, { httpOnly: true, sameSite: "lax", path: "/", secure, maxAge: ABSOLUTE_SESSION_HOURS * 3600 });
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/auth).*)"],
};
