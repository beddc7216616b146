// The values the explorer's filter menus offer: only what this organisation actually has.
import { Prisma } from "@safeguard/db/client";
import type { OrgReader } from "@safeguard/db/tenant";
import { checksForType } from "@safeguard/controls/catalog";

export interface FindingFacets {
  accounts: Array<{ id: string; name: string; provider: string }>;
  regions: string[];
  resourceTypes: string[];
  checks: Array<{ id: string; title: string }>;
}

export async function listFindingFacets({ db }: { db: OrgReader }): Promise<FindingFacets> {
  const accounts = await db.rows<FindingFacets["accounts"][number]>(Prisma.sql`
    SELECT id, name, provider::text AS provider FROM cloud_accounts WHERE deleted_at IS NULL ORDER BY name`);
  // resources carry the same region/type values as their findings and are far fewer rows.
  // Both lists in one round trip.
  const [distinct] = await db.rows<{ regions: string[] | null; types: string[] | null }>(Prisma.sql`
    SELECT array_agg(DISTINCT region ORDER BY region) AS regions, array_agg(DISTINCT resource_type ORDER BY resource_type) AS types
    FROM resources WHERE deleted_at IS NULL`);
  const regions = (distinct?.regions ?? []).map((v) => ({ v }));
  const types = (distinct?.types ?? []).map((v) => ({ v }));
  // The checks that can evaluate the types present, from the catalog: no scan over the findings.
  const checks = new Map<string, string>();
  for (const t of types) for (const c of checksForType(t.v)) checks.set(c.id, c.title);
  return {
    accounts,
    regions: regions.map((r) => r.v),
    resourceTypes: types.map((r) => r.v),
    checks: [...checks].map(([id, title]) => ({ id, title })).sort((a, b) => a.id.localeCompare(b.id)),
  };
}
