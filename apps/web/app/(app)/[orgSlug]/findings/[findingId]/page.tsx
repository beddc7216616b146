import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { can } from "@safeguard/core/access/permissions";
import { NotFoundError } from "@safeguard/core/errors";
import { getFinding } from "@safeguard/core/findings/get-finding";
import { withTenant } from "@safeguard/db/tenant";
import { getOrgContext } from "../../../../../server/org-context";
import { requirePermission } from "../../../../../server/require-permission";
import { RequestExceptionForm } from "../../exceptions/_components/request-exception-form";
import { SeverityBadge, StatusBadge } from "../_components/badges";
import { formatDate, toWire } from "../_lib/wire";
import { RemediationTabs } from "./_components/remediation-tabs";

export const metadata: Metadata = { title: "Finding" };

const EVENT_LABEL: Record<string, string> = {
  OPENED: "Opened (first seen failing)", RESOLVED: "Resolved", REGRESSED: "Regressed (failing again)", ERRORED: "Could not be evaluated",
  RESOURCE_DELETED: "Resource deleted", FIRST_SEEN: "First evaluated",
};

function show(v: unknown): string {
  return v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v);
}

export default async function FindingPage({ params }: { params: Promise<{ orgSlug: string; findingId: string }> }) {
  const { orgSlug, findingId } = await params;
  const ctx = requirePermission(await getOrgContext(orgSlug), "dashboard.read");
  const found = await withTenant(ctx.orgId, (tx) => getFinding({ tx, findingId })).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const f = toWire(found);
  const failing = f.status === "FAIL" || f.status === "ERROR";
  return (
    <div className="stack">
      <div className="page-header">
        <div className="small"><Link href={`/${ctx.slug}/findings`}>← Findings</Link></div>
        <h1>{f.check.title}</h1>
        <div className="row">
          <SeverityBadge severity={f.severity} />
          <StatusBadge status={f.status} suppressed={f.suppressed} />
          {!f.inScope && <span className="badge">Out of PHI scope</span>}
          {f.deletedAt && <span className="badge">Resource deleted {formatDate(f.deletedAt, false)}</span>}
          <span className="small muted mono">{f.check.id}</span>
        </div>
      </div>

      <div className="grid-2">
        <section className="card">
          <h2>Resource</h2>
          <p><Link href={`/${ctx.slug}/inventory/${f.resource.id}`}>{f.resource.name ?? f.resource.resourceId}</Link></p>
          <p className="small mono" style={{ wordBreak: "break-all" }}>{f.resource.nativeId}</p>
          <p className="small muted">{f.resource.resourceType} · {f.resource.region} · {f.account.name} ({f.account.provider} {f.account.externalAccountId})</p>
          <p className="small muted">First seen {formatDate(f.firstSeenAt)} · last changed {formatDate(f.lastChangedAt)} · last evaluated {formatDate(f.lastEvaluatedAt)}</p>
        </section>
        <section className="card">
          <h2>Why it matters</h2>
          <p>{f.check.rationale}</p>
          <div className="row small">
            {f.check.citations.map((c) => <Link key={c} className="badge" href={`/${ctx.slug}/findings?citation=${encodeURIComponent(c)}`}>{c}</Link>)}
          </div>
        </section>
      </div>

      <section className="card">
        <h2>Evidence</h2>
        {f.reason && <p>{f.reason}</p>}
        {f.evidence.length === 0 ? <p className="muted">The check recorded no configuration values for this verdict.</p> : (
          <div className="table-wrap">
            <table>
              <thead><tr><th>Configuration path</th><th>Value found</th><th>Expected</th></tr></thead>
              <tbody>
                {f.evidence.map((e, i) => (
                  <tr key={`${e.path}-${i}`}><td className="mono small">{e.path}</td><td className="mono small">{show(e.value)}</td><td className="mono small">{show(e.expected)}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="card">
        <h2>Remediation</h2>
        {f.check.remediation ? <RemediationTabs remediation={f.check.remediation} /> : <p className="muted">This check is no longer in the catalog.</p>}
      </section>

      <section className="card">
        <h2>History</h2>
        {f.history.length === 0 ? <p className="muted">No status changes recorded yet.</p> : (
          <ol className="small" style={{ margin: 0, paddingLeft: 18 }}>
            {f.history.map((h) => (
              <li key={h.id}>
                <strong>{EVENT_LABEL[h.kind] ?? h.kind}</strong> — {h.fromStatus ? `${h.fromStatus} → ` : ""}{h.toStatus} · {formatDate(h.occurredAt)}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="card">
        <h2>Accepted risk</h2>
        {f.exception ? (
          <p>
            Covered by an exception ({f.exception.status.toLowerCase()}, {f.exception.scope.replaceAll("_", " ").toLowerCase()}) until {formatDate(f.exception.expiresAt, false)}.{" "}
            <Link href={`/${ctx.slug}/exceptions`}>See exceptions</Link>
          </p>
        ) : failing && can(ctx.role, "exceptions.request") ? (
          <RequestExceptionForm slug={ctx.slug} findingId={f.id} checkId={f.check.id} accountId={f.account.id} scopes={["FINDING", "CHECK_ON_ACCOUNT"]} />
        ) : (
          <p className="muted">{failing ? "Owners and security officers can request an exception for this finding." : "No exception covers this finding."}</p>
        )}
      </section>
    </div>
  );
}
