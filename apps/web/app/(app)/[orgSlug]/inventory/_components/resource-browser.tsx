"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { EmptyState } from "../../findings/_components/badges";
import { formatDate } from "../../findings/_lib/wire";
import { toSearch, useResources } from "../_lib/queries";
import type { ResourcePageData, ResourceQuery, Summary } from "../_lib/types";

/** Resources by account, type, region and tag; filters in the URL, keyset paging like the findings list. */
export function ResourceBrowser({ slug, summary, initialQuery, initialPage }: { slug: string; summary: Summary; initialQuery: ResourceQuery; initialPage: ResourcePageData }) {
  const [query, setQuery] = useState<ResourceQuery>(initialQuery);
  const [cursors, setCursors] = useState<string[]>([]);
  const [text, setText] = useState({ q: initialQuery.q ?? "", tag: initialQuery.tag ?? "" });
  useEffect(() => setText({ q: query.q ?? "", tag: query.tag ?? "" }), [query.q, query.tag]);
  const { data, isFetching, error } = useResources(slug, query, toSearch(query) === toSearch(initialQuery) ? initialPage : undefined);
  const page = data ?? initialPage;
  const update = (next: ResourceQuery) => {
    setQuery(next);
    const { cursor: _c, ...shareable } = next;
    window.history.replaceState(null, "", `?${toSearch(shareable)}`);
  };
  const change = (patch: Partial<ResourceQuery>) => { setCursors([]); update({ ...query, ...patch, cursor: undefined }); };
  const sel = (key: keyof ResourceQuery, label: string, options: Array<[string, string]>) => (
    <label className="small" style={{ fontWeight: 500 }}>{label}
      <select value={query[key] ?? ""} onChange={(e) => change({ [key]: e.target.value || undefined })}>
        {options.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
      </select>
    </label>
  );
  return (
    <div className="stack">
      <form className="card" style={{ display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(180px, 1fr))", gap: 12, padding: 16 }}
        onSubmit={(e) => { e.preventDefault(); change({ q: text.q || undefined, tag: text.tag || undefined }); }}>
        <label className="small" style={{ fontWeight: 500 }}>Search
          <input type="search" placeholder="Name, id or ARN" value={text.q} onChange={(e) => setText({ ...text, q: e.target.value })} />
        </label>
        <label className="small" style={{ fontWeight: 500 }}>Tag
          <input type="text" placeholder="Key or Key=Value" value={text.tag} onChange={(e) => setText({ ...text, tag: e.target.value })} />
        </label>
        {sel("accountId", "Account", [["", "All accounts"], ...summary.byAccount.map((a) => [a.accountId, a.name] as [string, string])])}
        {sel("resourceType", "Type", [["", "All types"], ...summary.byType.map((t) => [t.resourceType, t.resourceType] as [string, string])])}
        {sel("region", "Region", [["", "All regions"], ...summary.byRegion.map((r) => [r.region, r.region] as [string, string])])}
        {sel("inScope", "PHI scope", [["", "Any"], ["true", "In scope"], ["false", "Out of scope"]])}
        {sel("sort", "Sort by", [["resourceType", "Type"], ["name", "Name"], ["region", "Region"], ["lastChangedAt", "Last changed"]])}
        <button type="submit" className="secondary" style={{ alignSelf: "end" }}>Apply</button>
      </form>
      <div className="muted" aria-live="polite">
        {page.totalCapped ? `More than ${page.total.toLocaleString()}` : page.total.toLocaleString()} resource{page.total === 1 ? "" : "s"}{isFetching && " · loading…"}
      </div>
      {error && <div className="alert error" role="alert">{(error as Error).message}</div>}
      {page.items.length === 0 ? (
        <EmptyState title="No resources match">Change the filters, or wait for the next scan.</EmptyState>
      ) : (
        <div className="table-wrap card" style={{ padding: 0 }}>
          <table>
            <thead><tr><th>Resource</th><th>Type</th><th>Account</th><th>Region</th><th>Tags</th><th>Failing</th><th>Last changed</th></tr></thead>
            <tbody>
              {page.items.map((r) => (
                <tr key={r.id}>
                  <td style={{ maxWidth: 300, overflowWrap: "anywhere" }}><Link href={`/${slug}/inventory/${r.id}`}>{r.name ?? r.resourceId}</Link>{!r.inScope && <div className="small muted">out of PHI scope</div>}</td>
                  <td className="small mono" style={{ whiteSpace: "nowrap" }}>{r.resourceType}</td>
                  <td className="small" style={{ whiteSpace: "nowrap" }}>{r.accountName}</td>
                  <td className="small" style={{ whiteSpace: "nowrap" }}>{r.region}</td>
                  <td className="small">{Object.entries(r.tags).slice(0, 3).map(([k, v]) => <span key={k} className="badge" style={{ marginRight: 4 }}>{k}={v}</span>)}</td>
                  <td>{r.failing > 0 ? <span className="badge bad">{r.failing}</span> : <span className="badge ok">0</span>}</td>
                  <td className="small" style={{ whiteSpace: "nowrap" }}>{formatDate(r.lastChangedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="pager">
        <button type="button" className="secondary" disabled={cursors.length === 0}
          onClick={() => { const prev = cursors.slice(0, -1); setCursors(prev); update({ ...query, cursor: prev.at(-1) }); }}>Previous</button>
        <span className="small muted">Page {cursors.length + 1}</span>
        <button type="button" className="secondary" disabled={!page.nextCursor}
          onClick={() => { if (page.nextCursor) { setCursors([...cursors, page.nextCursor]); update({ ...query, cursor: page.nextCursor }); } }}>Next</button>
      </div>
    </div>
  );
}
