import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NotFoundError } from "@safeguard/core/errors";
import { getResource } from "@safeguard/core/inventory/get-resource";
import { withTenantReader } from "@safeguard/db/tenant";
import { getOrgContext } from "../../../../../server/org-context";
import { requirePermission } from "../../../../../server/require-permission";
import { SeverityBadge, StatusBadge } from "../../findings/_components/badges";
import { formatDate, toWire } from "../../findings/_lib/wire";

export const metadata: Metadata = { title: "Resource" };

export default async function ResourcePage({ params }: { params: Promise<{ orgSlug: string; resourceId: string }> }) {
  const { orgSlug, resourceId } = await params;
  const ctx = requirePermission(await getOrgContext(orgSlug), "dashboard.read");
  const r = toWire(await withTenantReader(ctx.orgId, (db) => getResource({ db, resourceId })).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }));
  const failing = r.findings.filter((f) => (f.status === "FAIL" || f.status === "ERROR") && !f.suppressed).length;
  return (
    <div className="stack">
      <div className="page-header">
        <div className="small"><Link href={`/${ctx.slug}/inventory`}>← Inventory</Link></div>
        <h1>{r.name ?? r.resourceId}</h1>
        <div className="row small">
          <span className="mono">{r.resourceType}</span>
          <span>{r.region}</span>
          <span>{r.account.name} ({r.provider} {r.account.externalAccountId})</span>
          {r.inScope ? <span className="badge warn">PHI scope</span> : <span className="badge">Out of PHI scope</span>}
          {r.deletedAt && <span className="badge bad">Deleted {formatDate(r.deletedAt, false)}</span>}
        </div>
        <p className="small mono" style={{ wordBreak: "break-all", marginTop: 6 }}>{r.nativeId}</p>
      </div>
      <div className="grid-2">
        <section className="card">
          <h2>Tags</h2>
          {Object.keys(r.tags).length === 0 ? <p className="muted">No tags.</p> : (
            <div className="row">{Object.entries(r.tags).map(([k, v]) => <Link key={k} className="badge" href={`/${ctx.slug}/inventory?tag=${encodeURIComponent(`${k}=${v}`)}`}>{k}={v}</Link>)}</div>
          )}
        </section>
        <section className="card small">
          <h2>Timeline</h2>
          <p>First seen {formatDate(r.firstSeenAt)}<br />Configuration last changed {formatDate(r.lastChangedAt)}<br />Last seen {formatDate(r.lastSeenAt)}<br />Captured by the provider {formatDate(r.capturedAt)}</p>
        </section>
      </div>
      <section className="card">
        <h2>Findings ({failing} failing)</h2>
        {r.findings.length === 0 ? <p className="muted">No check evaluates this resource type.</p> : (
          <div className="table-wrap">
            <table>
              <thead><tr><th>Status</th><th>Severity</th><th>Check</th><th>Last changed</th></tr></thead>
              <tbody>
                {r.findings.map((f) => (
                  <tr key={f.id}>
                    <td><StatusBadge status={f.status} suppressed={f.suppressed} /></td>
                    <td><SeverityBadge severity={f.severity} /></td>
                    <td><Link href={`/${ctx.slug}/findings/${f.id}`}>{f.checkTitle}</Link>{f.reason && <div className="small muted">{f.reason}</div>}</td>
                    <td className="small">{formatDate(f.lastChangedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="card">
        <h2>Change history</h2>
        {r.history.length === 0 ? <p className="muted">No status changes recorded for this resource.</p> : (
          <ol className="small" style={{ margin: 0, paddingLeft: 18 }}>
            {r.history.map((h) => (
              <li key={h.id}>{formatDate(h.occurredAt)} — <Link href={`/${ctx.slug}/findings/${h.findingId}`}>{h.checkTitle}</Link>: {h.kind.replaceAll("_", " ").toLowerCase()} ({h.fromStatus ? `${h.fromStatus} → ` : ""}{h.toStatus})</li>
            ))}
          </ol>
        )}
      </section>
      <section className="card">
        <h2>Configuration</h2>
        <pre style={{ maxHeight: 520 }}>{JSON.stringify(r.configuration, null, 2)}</pre>
        {r.supplementary !== null && typeof r.supplementary === "object" && Object.keys(r.supplementary).length > 0 && (
          <details><summary>Supplementary configuration</summary><pre style={{ maxHeight: 420 }}>{JSON.stringify(r.supplementary, null, 2)}</pre></details>
        )}
        {Array.isArray(r.relationships) && r.relationships.length > 0 && (
          <details><summary>Relationships ({r.relationships.length})</summary><pre>{JSON.stringify(r.relationships, null, 2)}</pre></details>
        )}
      </section>
    </div>
  );
}
