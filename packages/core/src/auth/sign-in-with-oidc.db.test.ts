import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@safeguard/db/client";
import { withTenant } from "@safeguard/db/tenant";
import { useTestDatabase } from "@safeguard/db/testing/use-test-database";
import { seedDemoOrganization } from "../orgs/seed-demo-organization";
import { signInWithOidc } from "./sign-in-with-oidc";

process.env.SAFEGUARD_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
useTestDatabase();
const meta = { ip: "192.0.2.1", userAgent: "vitest" };
let orgId: string;

beforeAll(async () => {
  orgId = (await seedDemoOrganization({ slug: "sso-org", emailDomain: "sso.test", password: "test-password-not-common" })).orgId;
});

describe("OIDC single sign-on", () => {
  it("never links by an unverified email", async () => {
    expect(await signInWithOidc({ subject: "idp|1", email: "admin@sso.test", emailVerified: false }, meta)).toBeNull();
    expect((await prisma().user.findUniqueOrThrow({ where: { email: "admin@sso.test" } })).oidcSubject).toBeNull();
  });

  it("links an existing user by verified email on first use, then by subject", async () => {
    const first = await signInWithOidc({ subject: "idp|1", email: "Admin@SSO.test", emailVerified: true }, meta);
    expect(first).toMatchObject({ email: "admin@sso.test", sessionVersion: 1 });
    expect((await prisma().user.findUniqueOrThrow({ where: { email: "admin@sso.test" } })).oidcSubject).toBe("idp|1");
    // The provider's email may change later; the subject still identifies the person.
    expect(await signInWithOidc({ subject: "idp|1", email: "renamed@elsewhere.test", emailVerified: true }, meta)).toMatchObject({ email: "admin@sso.test" });
    const log = await withTenant(orgId, (tx) => tx.auditLog.findMany({ where: { action: "auth.sign_in" } }));
    expect(log.map((l) => l.metadata)).toContainEqual({ method: "oidc" });
  });

  it("does not create users, and does not re-link an account already linked to another subject", async () => {
    expect(await signInWithOidc({ subject: "idp|2", email: "stranger@sso.test", emailVerified: true }, meta)).toBeNull();
    expect(await prisma().user.count({ where: { email: "stranger@sso.test" } })).toBe(0);
    expect(await signInWithOidc({ subject: "idp|3", email: "admin@sso.test", emailVerified: true }, meta)).toBeNull();
  });
});
