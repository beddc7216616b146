import { NextRequest } from "next/server";
import { encode, decode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { proxy } from "../proxy";

process.env.NEXTAUTH_SECRET = "proxy-test-secret-0123456789";
process.env.NEXTAUTH_URL = "http://localhost:3000";
const secret = process.env.NEXTAUTH_SECRET;
const COOKIE = "next-auth.session-token";
const MIN = 60_000;

async function requestWith(path: string, claims: Record<string, unknown> | null) {
  const headers = new Headers();
  if (claims) headers.set("cookie", `${COOKIE}=${await encode({ token: claims, secret })}`);
  return new NextRequest(`http://localhost:3000${path}`, { headers });
}

const claims = (lastActivityAgoMs: number, extra: Record<string, unknown> = {}) => ({ uid: "u1", sv: 1, idle: 15, la: Date.now() - lastActivityAgoMs, at: Date.now() - lastActivityAgoMs, ...extra });

describe("proxy: idle sessions", () => {
  it("sends anonymous visitors of app pages to sign-in with a callback", async () => {
    const res = await proxy(await requestWith("/acme/findings?severity=HIGH", null));
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toBe("http://localhost:3000/sign-in?callbackUrl=%2Facme%2Ffindings%3Fseverity%3DHIGH");
  });

  it("lets public pages and API calls through (routes answer 401 themselves)", async () => {
    expect((await proxy(await requestWith("/sign-in", null))).headers.get("x-middleware-next")).toBe("1");
    expect((await proxy(await requestWith("/api/orgs/acme/findings", null))).headers.get("x-middleware-next")).toBe("1");
  });

  it("refreshes last activity on each request of a live session", async () => {
    const res = await proxy(await requestWith("/acme/overview", claims(5 * MIN)));
    expect(res.headers.get("x-middleware-next")).toBe("1");
    const refreshed = await decode({ token: res.cookies.get(COOKIE)!.value, secret });
    expect(Date.now() - (refreshed!.la as number)).toBeLessThan(MIN);
    expect(refreshed!.uid).toBe("u1");
  });

  it("ends a session idle past its limit: redirect with reason=idle and the cookie cleared", async () => {
    const res = await proxy(await requestWith("/acme/overview", claims(16 * MIN)));
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toContain("reason=idle");
    expect(res.cookies.get(COOKIE)?.value).toBe("");
  });

  it("honours a stricter idle limit carried by the token, and the 12 h absolute lifetime", async () => {
    expect((await proxy(await requestWith("/acme/overview", claims(6 * MIN, { idle: 5 })))).status).toBe(307);
    expect((await proxy(await requestWith("/acme/overview", claims(MIN, { at: Date.now() - 13 * 3_600_000 })))).status).toBe(307);
  });
});
