// Resource counts by account, type and region for the inventory charts (live resources only).
import type { OrgTx } from "@safeguard/db/tenant";

export interface InventorySummary {
  total: number;
  byAccount: Array<{ accountId: string; name: string; n: number }>;
  byType: Array<{ resourceType: string; n: number }>;
  byRegion: Array<{ region: string; n: number }>;
}

export async function getInventorySummary({ tx, topTypes = 15 }: { tx: OrgTx; topTypes?: number }): Promise<InventorySummary> {
  const byAccount = await tx.$queryRaw<InventorySummary["byAccount"]>`
    SELECT a.id AS "accountId", a.name, count(r.id)::int AS n
    FROM cloud_accounts a LEFT JOIN resources r ON r.account_id = a.id AND r.deleted_at IS NULL
    WHERE a.deleted_at IS NULL GROUP BY a.id, a.name ORDER BY n DESC, a.name`;
  const byType = await tx.$queryRaw<InventorySummary["byType"]>`
    SELECT resource_type AS "resourceType", count(*)::int AS n FROM resources WHERE deleted_at IS NULL
    GROUP BY 1 ORDER BY n DESC, 1 LIMIT ${topTypes}`;
  const byRegion = await tx.$queryRaw<InventorySummary["byRegion"]>`
    SELECT region, count(*)::int AS n FROM resources WHERE deleted_at IS NULL GROUP BY 1 ORDER BY n DESC, 1`;
  return { total: byAccount.reduce((s, a) => s + a.n, 0), byAccount, byType, byRegion };
}
