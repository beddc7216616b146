"use client";

import { useState, type FormEvent } from "react";
import { useAuditLog, type AuditFilters, type AuditLogPage } from "../_lib/queries";

const EMPTY: AuditFilters = { action: "", actor: "", from: "", to: "", page: 1 };

export function AuditLogView({ slug, initial, actions }: { slug: string; initial: AuditLogPage; actions: string[] }) {
  const [draft, setDraft] = useState(EMPTY);
  const [filters, setFilters] = useState(EMPTY);
  const isInitial = JSON.stringify(filters) === JSON.stringify(EMPTY);
  const { data, error, isFetching } = useAuditLog(slug, filters, isInitial ? initial : undefined);
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  function apply(event: FormEvent) {
    event.preventDefault();
    setFilters({ ...draft, page: 1 });
  }

  return (
    <div className="stack">
      <form className="card row" onSubmit={apply} style={{ alignItems: "flex-end" }}>
        <div style={{ flex: "1 1 200px" }}>
          <label htmlFor="f-action">Action</label>
          <select id="f-action" value={draft.action} onChange={(e) => setDraft({ ...draft, action: e.target.value })}>
            <option value="">All actions</option>
            {actions.map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
        </div>
        <div style={{ flex: "1 1 200px" }}>
          <label htmlFor="f-actor">Actor email</label>
          <input id="f-actor" type="search" value={draft.actor} onChange={(e) => setDraft({ ...draft, actor: e.target.value })} placeholder="contains…" />
        </div>
        <div>
          <label htmlFor="f-from">From</label>
          <input id="f-from" type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </div>
        <div>
          <label htmlFor="f-to">To</label>
          <input id="f-to" type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </div>
        <button type="submit">Filter</button>
        <button type="button" className="secondary" onClick={() => { setDraft(EMPTY); setFilters(EMPTY); }}>Reset</button>
      </form>
      {error && <div className="alert error" role="alert">{error.message}</div>}
      <section className="card" style={{ padding: 0, opacity: isFetching ? 0.7 : 1 }}>
        <div className="table-wrap">
          <table>
            <thead><tr><th>When</th><th>Action</th><th>Actor</th><th>Target</th><th>Details</th><th>From</th></tr></thead>
            <tbody>
              {data?.rows.length === 0 && <tr><td colSpan={6} className="muted">No entries match.</td></tr>}
              {data?.rows.map((r) => (
                <tr key={r.id}>
                  <td className="small" style={{ whiteSpace: "nowrap" }}>{new Date(r.createdAt).toLocaleString()}</td>
                  <td><code>{r.action}</code></td>
                  <td className="small">{r.actorEmail ?? <span className="muted">system</span>}</td>
                  <td className="small">{r.targetType ? `${r.targetType}` : ""}</td>
                  <td className="small mono" style={{ maxWidth: 380, wordBreak: "break-word" }}>{r.metadata && Object.keys(r.metadata as object).length ? JSON.stringify(r.metadata) : ""}</td>
                  <td className="small muted">{r.ip ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <div className="pager">
        <span className="muted small">{data ? `${data.total} entries · page ${data.page} of ${pages}` : ""}</span>
        <button type="button" className="secondary" disabled={filters.page <= 1} onClick={() => setFilters({ ...filters, page: filters.page - 1 })}>Previous</button>
        <button type="button" className="secondary" disabled={filters.page >= pages} onClick={() => setFilters({ ...filters, page: filters.page + 1 })}>Next</button>
      </div>
    </div>
  );
}
