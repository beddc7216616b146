import type { Metadata } from "next";
import Link from "next/link";
import { searchParamsToObject } from "@safeguard/core/findings/finding-filters";
import { findResources } from "@safeguard/core/inventory/find-resources";
import { getInventorySummary } from "@safeguard/core/inventory/get-inventory-summary";
import { resourcePageSchema } from "@safeguard/core/inventory/resource-filters";
import { withTenant } from "@safeguard/db/tenant";
import { getOrgContext } from "../../../../server/org-context";
import { requirePermission } from "../../../../server/require-permission";
import { EmptyState } from "../findings/_components/badges";
import { toWire } from "../findings/_lib/wire";
import { InventoryCharts } from "./_components/inventory-charts";
import { ResourceBrowser } from "./_components/resource-browser";
import type { ResourceQuery } from "./_lib/types";

export const metadata: Metadata = { title: "Inventory" };

export default async function InventoryPage({ params, searchParams }: { params: Promise<{ orgSlug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = requirePermission(await getOrgContext((await params).orgSlug), "dashboard.read");
  const raw = searchParamsToObject(await searchParams);
  const parsed = resourcePageSchema.safeParse({ ...raw, cursor: undefined });
  const query = parsed.success ? parsed.data : resourcePageSchema.parse({});
  const [summary, page] = await withTenant(ctx.orgId, async (tx) => [await getInventorySummary({ tx }), await findResources({ tx, query })] as const);
  const initialQuery: ResourceQuery = parsed.success ? (Object.fromEntries(Object.entries(raw).filter(([k, v]) => k !== "cursor" && typeof v === "string")) as ResourceQuery) : {};
  return (
    <div className="stack">
      <div className="page-header">
        <h1>Inventory</h1>
        <p className="muted">Every resource the scans have recorded: {summary.total.toLocaleString()} live resources.</p>
      </div>
      {!parsed.success && <div className="alert warning">Some filters in the link were not valid; showing everything.</div>}
      {summary.byAccount.length === 0 ? (
        <EmptyState title="No cloud accounts yet"><Link href={`/${ctx.slug}/accounts`}>Connect an account</Link> to see its resources here.</EmptyState>
      ) : (
        <>
          {summary.total > 0 && <InventoryCharts summary={summary} />}
          <ResourceBrowser slug={ctx.slug} summary={summary} initialQuery={initialQuery} initialPage={toWire(page)} />
        </>
      )}
    </div>
  );
}
