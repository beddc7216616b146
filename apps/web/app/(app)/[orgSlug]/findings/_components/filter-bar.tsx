"use client";

import { useEffect, useState } from "react";
import type { Facets, FindingQuery } from "../_lib/types";

const STATUS_OPTIONS = [
  ["open", "Open (failing + error)"], ["any", "Any status"], ["FAIL", "Fail"], ["ERROR", "Error"], ["PASS", "Pass"], ["NOT_APPLICABLE", "Not applicable"], ["PASS,NOT_APPLICABLE", "Pass + not applicable"],
] as const;
const SEVERITIES = [["CRITICAL", "Critical"], ["HIGH", "High"], ["MEDIUM", "Medium"], ["LOW", "Low"]] as const;
const SORT_OPTIONS = [["priority", "Priority (failing first)"], ["severity", "Severity"], ["lastChangedAt", "Last changed"], ["firstSeenAt", "First seen"], ["status", "Status"], ["checkId", "Check"], ["resourceType", "Resource type"], ["region", "Region"]] as const;

/** Every filter of the explorer. Changes apply at once, except the text boxes (on Enter or blur). */
export function FilterBar({ query, facets, onChange }: { query: FindingQuery; facets: Facets; onChange(patch: Partial<FindingQuery>): void }) {
  const [q, setQ] = useState(query.q ?? "");
  const [citation, setCitation] = useState(query.citation ?? "");
  useEffect(() => setQ(query.q ?? ""), [query.q]);
  useEffect(() => setCitation(query.citation ?? ""), [query.citation]);

  const select = (key: keyof FindingQuery, label: string, options: ReadonlyArray<readonly [string, string]>) => (
    <label className="small" style={{ fontWeight: 500 }}>
      {label}
      <select value={query[key] ?? ""} onChange={(e) => onChange({ [key]: e.target.value || undefined })}>
        {options.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
      </select>
    </label>
  );

  return (
    <form className="card" style={{ display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(170px, 1fr))", gap: 12, padding: 16 }}
      onSubmit={(e) => { e.preventDefault(); onChange({ q: q || undefined, citation: citation || undefined }); }}>
      <label className="small" style={{ fontWeight: 500, gridColumn: "span 2" }}>
        Search
        <input type="search" placeholder="Resource name, id, ARN or check" value={q} onChange={(e) => setQ(e.target.value)} onBlur={() => q !== (query.q ?? "") && onChange({ q: q || undefined })} />
      </label>
      <label className="small" style={{ fontWeight: 500 }}>
        Status
        <select value={query.status ?? "open"} onChange={(e) => onChange({ status: e.target.value === "open" ? undefined : e.target.value })}>
          {STATUS_OPTIONS.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
        </select>
      </label>
      <fieldset className="small" style={{ border: "none", padding: 0, margin: 0, minWidth: 0, gridColumn: "span 2" }}>
        <legend style={{ fontWeight: 500, padding: 0, marginBottom: 4 }}>Severity</legend>
        <div className="row" style={{ gap: "2px 10px" }}>
          {SEVERITIES.map(([v, l]) => {
            const chosen = (query.severity ?? "").split(",").filter(Boolean);
            const on = chosen.includes(v);
            return (
              <label key={v} className="checkbox" style={{ margin: 0 }}>
                <input type="checkbox" checked={on}
                  onChange={() => onChange({ severity: (on ? chosen.filter((c) => c !== v) : [...chosen, v]).join(",") || undefined })} />
                {l}
              </label>
            );
          })}
        </div>
      </fieldset>
      {select("accountId", "Account", [["", "All accounts"], ...facets.accounts.map((a) => [a.id, `${a.name} (${a.provider})`] as const)])}
      {select("region", "Region", [["", "All regions"], ...facets.regions.map((r) => [r, r] as const)])}
      {select("resourceType", "Resource type", [["", "All types"], ...facets.resourceTypes.map((t) => [t, t] as const)])}
      {select("checkId", "Check", [["", "All checks"], ...facets.checks.map((c) => [c.id, c.title] as const)])}
      <label className="small" style={{ fontWeight: 500 }}>
        HIPAA citation
        <input type="text" placeholder="164.312(a)(1)" value={citation} onChange={(e) => setCitation(e.target.value)} onBlur={() => citation !== (query.citation ?? "") && onChange({ citation: citation || undefined })} />
      </label>
      {select("inScope", "PHI scope", [["", "In and out of scope"], ["true", "In scope"], ["false", "Out of scope"]])}
      {select("suppressed", "Exceptions", [["", "Including accepted risk"], ["false", "Without accepted risk"], ["true", "Accepted risk only"]])}
      {select("sort", "Sort by", SORT_OPTIONS)}
      {select("dir", "Order", [["", "Default"], ["asc", "Ascending"], ["desc", "Descending"]])}
      <button type="submit" className="secondary" style={{ alignSelf: "end" }}>Apply</button>
    </form>
  );
}
