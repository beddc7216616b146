import { randomBytes } from "node:crypto";
import { vi } from "vitest";
import type { Role } from "@safeguard/db/client";
import { seedDemoOrganization } from "@safeguard/core/orgs/seed-demo-organization";
import { getSessionClaims } from "../server/session";

/**
 * Shared set-up for the web's database tests. Test files must call
 *   vi.mock("../server/session", () => ({ getSessionClaims: vi.fn() }));
 * (hoisted by vitest) so the session can be chosen per request with signInAs().
 */
process.env.SAFEGUARD_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");

export interface SeededOrg {
  orgId: string;
  slug: string;
  users: Record<Role, string>;
}

export async function seedOrg(slug: string): Promise<SeededOrg> {
  const { orgId, logins } = await seedDemoOrganization({ slug, name: `Org ${slug}`, emailDomain: `${slug}.test`, password: "test-password-not-common" });
  const { prisma } = await import("@safeguard/db/client");
  const users = {} as Record<Role, string>;
  for (const login of logins) {
    const user = await prisma().user.findUniqueOrThrow({ where: { email: login.email }, select: { id: true } });
    users[login.role] = user.id;
  }
  return { orgId, slug, users };
}

export function signInAs(userId: string | null, sessionVersion = 1): void {
  vi.mocked(getSessionClaims).mockResolvedValue(userId ? { userId, sessionVersion, lastActivity: Date.now() } : null);
}

export function routeContext(params: Record<string, string>) {
  return { params: Promise.resolve(params) };
}

export function jsonRequest(url: string, method = "GET", body?: unknown): Request {
  return new Request(`http://localhost${url}`, {
    method,
    headers: { "content-type": "application/json", "user-agent": "vitest", "x-forwarded-for": "203.0.113.9" },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
}
