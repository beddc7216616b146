import { listUserOrganizations, type UserOrganization } from "./list-user-organizations";

/**
 * The caller's membership in the organisation at `slug`, or null. Null covers "no such slug" and
 * "someone else's organisation" alike, so callers answer both with the same 404.
 */
export async function resolveMembership(userId: string, slug: string): Promise<UserOrganization | null> {
  const orgs = await listUserOrganizations(userId);
  return orgs.find((o) => o.slug === slug) ?? null;
}
