// Services the organisation uses that its provider's BAA does not cover: ePHI must not live there.
// The matching is controls' baa.ts; this adds how many live resources of each type there are.
import { Prisma } from "@safeguard/db/client";
import type { OrgReader } from "@safeguard/db/tenant";
import { servicesNotCovered } from "@safeguard/controls/baa";

export interface UncoveredService {
  provider: "aws" | "azure";
  resourceType: string;
  resources: number;
  /** of those, how many are in PHI scope (the ones that matter most) */
  inScope: number;
}

/** The uncovered services, plus the number of live resources (the overview needs both: one scan of resources, not two). */
export async function findUncoveredServicesWithTotal({ db }: { db: OrgReader }): Promise<{ services: UncoveredService[]; resources: number }> {
  const types = await db.rows<{ t: string; n: number; s: number }>(Prisma.sql`
    SELECT resource_type AS t, count(*)::int AS n, count(*) FILTER (WHERE in_scope)::int AS s
    FROM resources WHERE deleted_at IS NULL GROUP BY resource_type`);
  const counts = new Map(types.map((r) => [r.t, r]));
  const services = servicesNotCovered(types.map((r) => r.t)).map((u) => ({
    ...u,
    resources: counts.get(u.resourceType)?.n ?? 0,
    inScope: counts.get(u.resourceType)?.s ?? 0,
  }));
  return { services, resources: types.reduce((sum, r) => sum + r.n, 0) };
}
