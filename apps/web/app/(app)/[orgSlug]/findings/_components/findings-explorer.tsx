"use client";

import { useState } from "react";
import { useFindings, toSearch } from "../_lib/queries";
import { FILTER_KEYS, withDefaults, type Facets, type FindingPageData, type FindingQuery } from "../_lib/types";
import { EmptyState } from "./badges";
import { FilterBar } from "./filter-bar";
import { FindingsTable } from "./findings-table";

/**
 * The explorer: filters live in the URL (shareable, and the export link reuses them), the list is
 * fetched from the JSON route as filters change, and paging walks keyset cursors (a stack of the
 * cursors seen so far gives "Previous").
 */
export function FindingsExplorer({ slug, initialQuery, initialPage, facets, canExport }: {
  slug: string; initialQuery: FindingQuery; initialPage: FindingPageData; facets: Facets; canExport: boolean;
}) {
  const [query, setQuery] = useState<FindingQuery>(initialQuery);
  const [cursors, setCursors] = useState<string[]>([]);
  const initialKey = toSearch(withDefaults(initialQuery));
  const effective = withDefaults(query);
  const { data, isFetching, error } = useFindings(slug, effective, toSearch(effective) === initialKey ? initialPage : undefined);

  const update = (next: FindingQuery) => {
    setQuery(next);
    const { cursor: _cursor, ...shareable } = next;
    window.history.replaceState(null, "", `?${toSearch(shareable)}`);
  };
  const change = (patch: Partial<FindingQuery>) => {
    setCursors([]);
    update({ ...query, ...patch, cursor: undefined });
  };
  const filters: FindingQuery = Object.fromEntries(FILTER_KEYS.flatMap((k) => (query[k] ? [[k, query[k]]] : [])));
  const active = Object.keys(filters).length > 0;
  const page = data ?? initialPage;
  const openOnly = effective.status === "open";
  // Export what is shown, default status included.
  const exportHref = (format: string) => `/api/orgs/${encodeURIComponent(slug)}/findings/export?${toSearch({ ...withDefaults(filters), format } as FindingQuery)}`;

  return (
    <div className="stack">
      <FilterBar query={query} facets={facets} onChange={change} />
      <div className="spread">
        <div className="muted" aria-live="polite">
          {page.totalCapped ? `More than ${page.total.toLocaleString()}` : page.total.toLocaleString()}
          {openOnly ? " open" : ""} finding{page.total === 1 ? "" : "s"}
          {openOnly ? " (failing + error)" : ""}
          {Object.keys(filters).some((k) => k !== "status") && " match these filters"}
          {openOnly && <> · <button type="button" className="link" onClick={() => change({ status: "any" })}>show every status</button></>}
          {isFetching && " · loading…"}
        </div>
        <div className="row">
          {active && <button type="button" className="secondary" onClick={() => { setCursors([]); update({}); }}>Clear filters</button>}
          {canExport && <a className="button secondary" href={exportHref("csv")}>Export CSV</a>}
          {canExport && <a className="button secondary" href={exportHref("json")}>Export JSON</a>}
        </div>
      </div>
      {error && <div className="alert error" role="alert">{(error as Error).message}</div>}
      {page.items.length === 0 ? (
        active ? (
          <EmptyState title="No findings match these filters">Widen the filters or clear them.</EmptyState>
        ) : facets.accounts.length > 0 ? (
          <EmptyState title="Nothing failing">
            No open (failing or error) findings. <button type="button" className="link" onClick={() => change({ status: "any" })}>Show passing and not-applicable checks</button>, or see scan progress on <a href={`/${slug}/accounts`}>Accounts</a>.
          </EmptyState>
        ) : (
          <EmptyState title="No findings yet">
            Findings appear after the first scan of a connected account. <a href={`/${slug}/accounts`}>Connect an account</a> or follow its first scan there.
          </EmptyState>
        )
      ) : (
        <FindingsTable slug={slug} items={page.items} />
      )}
      <div className="pager">
        <button type="button" className="secondary" disabled={cursors.length === 0}
          onClick={() => { const prev = cursors.slice(0, -1); setCursors(prev); update({ ...query, cursor: prev.at(-1) }); }}>
          Previous
        </button>
        <span className="small muted">Page {cursors.length + 1}</span>
        <button type="button" className="secondary" disabled={!page.nextCursor}
          onClick={() => { if (page.nextCursor) { setCursors([...cursors, page.nextCursor]); update({ ...query, cursor: page.nextCursor }); } }}>
          Next
        </button>
      </div>
    </div>
  );
}
