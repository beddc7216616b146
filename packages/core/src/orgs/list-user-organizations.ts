import type { Role } from "@safeguard/db/client";
import { system } from "@safeguard/db/system";

export interface UserOrganization {
  orgId: string;
  slug: string;
  name: string;
  role: Role;
  requireMfa: boolean;
  sessionIdleMinutes: number;
}

/** The organisations a user belongs to (for the switcher and the post-sign-in landing). */
export async function listUserOrganizations(userId: string): Promise<UserOrganization[]> {
  const rows = await system.membershipsOfUser(userId);
  return rows.map((r) => ({ orgId: r.org_id, slug: r.slug, name: r.name, role: r.role as Role, requireMfa: r.require_mfa, sessionIdleMinutes: r.session_idle_minutes }));
}
