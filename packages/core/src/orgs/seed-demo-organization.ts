import type { Role } from "@safeguard/db/client";
import { prisma } from "@safeguard/db/client";
import { system } from "@safeguard/db/system";
import { withTenant } from "@safeguard/db/tenant";
import { hashPassword } from "../auth/password";
import { ROLES } from "../access/permissions";
import { normaliseEmail } from "../auth/session-user";
import { uuidV7 } from "./uuid-v7";

export interface DemoLogin {
  role: Role;
  email: string;
  password: string;
}

export interface SeedDemoOptions {
  slug?: string;
  name?: string;
  /** users are <role>@<emailDomain>, e.g. owner@demo.safeguard.local */
  emailDomain?: string;
  /** one password for every demo user (must pass the password rules only in spirit: demo only) */
  password?: string;
}

export const DEMO_DEFAULTS = {
  slug: "demo-health",
  name: "Demo Health Clinic",
  emailDomain: "demo.safeguard.local",
  password: "Safeguard-demo-2026!",
} as const;

/**
 * Creates (or returns, when it already exists) a demo organisation with one user per role, each
 * signing in with the known password. Idempotent so `npm run db:seed` can run twice. Used by
 * prisma/seed.ts; the returned logins are printed by the demo.
 */
export async function seedDemoOrganization(options: SeedDemoOptions = {}): Promise<{ orgId: string; slug: string; logins: DemoLogin[] }> {
  const slug = options.slug ?? DEMO_DEFAULTS.slug;
  const name = options.name ?? DEMO_DEFAULTS.name;
  const domain = options.emailDomain ?? DEMO_DEFAULTS.emailDomain;
  const password = options.password ?? DEMO_DEFAULTS.password;
  const orgId = (await system.orgIdBySlug(slug)) ?? uuidV7();
  const passwordHash = await hashPassword(password);

  const logins: DemoLogin[] = [];
  const users: Array<{ id: string; role: Role }> = [];
  for (const role of ROLES) {
    const email = normaliseEmail(`${role.toLowerCase().replace(/_/g, "-")}@${domain}`);
    const user = await prisma().user.upsert({
      where: { email },
      create: { id: uuidV7(), email, name: `Demo ${role.toLowerCase().replace(/_/g, " ")}`, passwordHash },
      update: { passwordHash },
      select: { id: true },
    });
    users.push({ id: user.id, role });
    logins.push({ role, email, password });
  }
  await withTenant(orgId, async (tx) => {
    await tx.organization.upsert({ where: { id: orgId }, create: { id: orgId, slug, name }, update: {} });
    for (const u of users) {
      await tx.membership.upsert({ where: { orgId_userId: { orgId, userId: u.id } }, create: { orgId, userId: u.id, role: u.role }, update: { role: u.role } });
    }
  });
  return { orgId, slug, logins };
}
