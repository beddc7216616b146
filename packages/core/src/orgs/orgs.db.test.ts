import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@safeguard/db/client";
import { withTenant } from "@safeguard/db/tenant";
import { useTestDatabase } from "@safeguard/db/testing/use-test-database";
import { ValidationError } from "../errors";
import { verifyPassword } from "../auth/password";
import { createOrganization } from "./create-organization";
import { listUserOrganizations } from "./list-user-organizations";
import { seedDemoOrganization } from "./seed-demo-organization";
import { signUp } from "./sign-up";

process.env.SAFEGUARD_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
useTestDatabase();
const meta = { ip: null, userAgent: null };
const good = { name: "Ada", email: "ada@clinic.test", password: "copper-lantern-river-88", orgName: "Ada Clinic" };

async function fieldOf(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues[0]?.field;
}

describe("sign-up", () => {
  it("creates the user (scrypt hash) and the organisation with them as owner, slug from the name", async () => {
    const { userId, org } = await signUp(good, meta);
    expect(org.slug).toBe("ada-clinic");
    const user = await prisma().user.findUniqueOrThrow({ where: { id: userId } });
    expect(user.passwordHash).toMatch(/^scrypt\$/);
    expect(await verifyPassword(good.password, user.passwordHash)).toBe(true);
    expect(await listUserOrganizations(userId)).toMatchObject([{ slug: "ada-clinic", role: "OWNER" }]);
  });

  it("refuses weak passwords, a taken email, and taken or malformed slugs, naming the field", async () => {
    expect(await fieldOf(signUp({ ...good, email: "b@clinic.test", password: "short" }, meta))).toBe("password");
    expect(await fieldOf(signUp({ ...good, email: "b@clinic.test", password: "qwertyuiop123" }, meta))).toBe("password");
    expect(await fieldOf(signUp({ ...good, email: "ADA@clinic.test" }, meta))).toBe("email");
    expect(await fieldOf(signUp({ ...good, email: "c@clinic.test", slug: "ada-clinic" }, meta))).toBe("slug");
    expect(await fieldOf(signUp({ ...good, email: "d@clinic.test", slug: "Bad Slug!" }, meta))).toBe("slug");
    expect(await fieldOf(signUp({ ...good, email: "e@clinic.test", slug: "api" }, meta))).toBe("slug");
    // No user was left behind by a refused organisation.
    expect(await prisma().user.count({ where: { email: { in: ["c@clinic.test", "d@clinic.test", "e@clinic.test"] } } })).toBe(0);
  });

  it("derives a free slug when the name's is taken, and lets a user own several organisations", async () => {
    const ada = await prisma().user.findUniqueOrThrow({ where: { email: good.email } });
    const second = await createOrganization({ ownerUserId: ada.id, ownerEmail: ada.email, name: "Ada Clinic" }, meta);
    expect(second.slug).toBe("ada-clinic-2");
    expect((await listUserOrganizations(ada.id)).map((o) => o.slug).sort()).toEqual(["ada-clinic", "ada-clinic-2"]);
    const audit = await withTenant(second.id, (tx) => tx.auditLog.findMany());
    expect(audit.map((a) => a.action)).toEqual(["org.created"]);
  });
});

describe("demo seed", () => {
  it("creates one user per role with the known password, and is idempotent", async () => {
    const first = await seedDemoOrganization();
    const again = await seedDemoOrganization();
    expect(again.orgId).toBe(first.orgId);
    expect(first.logins.map((l) => l.role)).toEqual(["OWNER", "ADMIN", "SECURITY_OFFICER", "AUDITOR", "VIEWER"]);
    expect(first.logins[2]).toMatchObject({ email: "security-officer@demo.safeguard.local", password: "Safeguard-demo-2026!" });
    const members = await withTenant(first.orgId, (tx) => tx.membership.count());
    expect(members).toBe(5);
    const owner = await prisma().user.findUniqueOrThrow({ where: { email: first.logins[0]!.email } });
    expect(await verifyPassword("Safeguard-demo-2026!", owner.passwordHash)).toBe(true);
  });
});
