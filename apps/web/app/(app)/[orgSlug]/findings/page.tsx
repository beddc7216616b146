import type { Metadata } from "next";
import { can } from "@safeguard/core/access/permissions";
import { findFindings } from "@safeguard/core/findings/find-findings";
import { findingPageSchema, searchParamsToObject } from "@safeguard/core/findings/finding-filters";
import { listFindingFacets } from "@safeguard/core/findings/list-finding-facets";
import { withTenantReader } from "@safeguard/db/tenant";
import { getOrgContext } from "../../../../server/org-context";
import { requirePermission } from "../../../../server/require-permission";
import { FindingsExplorer } from "./_components/findings-explorer";
import { DEFAULT_STATUS, type FindingQuery } from "./_lib/types";
import { toWire } from "./_lib/wire";

export const metadata: Metadata = { title: "Findings" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function FindingsPage({ params, searchParams }: { params: Promise<{ orgSlug: string }>; searchParams: Promise<SearchParams> }) {
  const ctx = requirePermission(await getOrgContext((await params).orgSlug), "dashboard.read");
  const raw = searchParamsToObject(await searchParams);
  const parsed = findingPageSchema.safeParse({ status: DEFAULT_STATUS, ...raw, cursor: undefined });
  const query = parsed.success ? parsed.data : findingPageSchema.parse({ status: DEFAULT_STATUS });
  const [page, facets] = await withTenantReader(ctx.orgId, async (db) => [await findFindings({ db, query }), await listFindingFacets({ db })] as const);
  // The URL's strings, as the client keeps them (a bad URL falls back to no filters, with a note).
  const initialQuery: FindingQuery = parsed.success
    ? Object.fromEntries(Object.entries(raw).filter(([k, v]) => k !== "cursor" && typeof v === "string")) as FindingQuery
    : {};
  return (
    <>
      <div className="page-header">
        <h1>Findings</h1>
        <p className="muted">Every check verdict on every resource, failing first. Filter, open one for its evidence and fix, or export the current filter.</p>
      </div>
      {!parsed.success && (
        <div className="alert warning" role="alert">
          The link had filters that are not valid ({parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}); showing open findings.
        </div>
      )}
      <FindingsExplorer slug={ctx.slug} initialQuery={initialQuery} initialPage={toWire(page)} facets={facets} canExport={can(ctx.role, "findings.export")} />
    </>
  );
}
