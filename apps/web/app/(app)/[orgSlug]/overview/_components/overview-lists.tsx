import Link from "next/link";
import styles from "../overview.module.css";
import type { OverviewData } from "../_lib/types";
import { SeverityBadge } from "../../findings/_components/badges";
import { formatDate } from "../../findings/_lib/wire";

const KIND: Record<string, string> = { OPENED: "opened", REGRESSED: "regressed", RESOLVED: "resolved", ERRORED: "errored", RESOURCE_DELETED: "resource deleted" };

export function DriftList({ o, slug }: { o: OverviewData; slug: string }) {
  return (
    <section className="card">
      <h2>Newest drift</h2>
      {o.drift.length === 0 ? <p className="muted">No status changes yet.</p> : (
        <ul className={styles.list}>
          {o.drift.map((e) => (
            <li key={e.id} className="small">
              <SeverityBadge severity={e.severity} /> <strong>{KIND[e.kind] ?? e.kind}</strong>{" "}
              <Link href={`/${slug}/findings/${e.findingId}`}>{e.checkTitle}</Link> on {e.resourceName ?? "a resource"}
              <div className="muted">{e.accountName} · {formatDate(e.occurredAt)}</div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function AccountProblems({ o, slug }: { o: OverviewData; slug: string }) {
  return (
    <section className="card">
      <h2>Accounts with scan errors</h2>
      {o.accountProblems.length === 0 ? <p className="muted">Every account&apos;s last scan completed.</p> : (
        <ul className={styles.list}>
          {o.accountProblems.map((a) => (
            <li key={a.id} className="small">
              <Link href={`/${slug}/accounts`}>{a.name}</Link> <span className="badge bad">{a.status.replaceAll("_", " ").toLowerCase()}</span>
              {a.lastScanStatus && a.lastScanStatus !== "SUCCEEDED" && <span className="badge warn">last scan {a.lastScanStatus.toLowerCase()}</span>}
              <div className="muted">{a.lastError ?? a.lastScanError ?? "See the account page for details."}</div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function UncoveredServices({ o, slug }: { o: OverviewData; slug: string }) {
  return (
    <section className="card">
      <h2>Services outside the BAA</h2>
      {o.uncoveredServices.length === 0 ? <p className="muted">Every service in use is on its provider&apos;s HIPAA-eligible list.</p> : (
        <>
          <p className="small muted">These resource types are not covered by the provider&apos;s Business Associate Agreement: keep ePHI out of them.</p>
          <ul className={styles.list}>
            {o.uncoveredServices.map((u) => (
              <li key={u.resourceType} className="small spread">
                <Link className="mono" href={`/${slug}/inventory?resourceType=${encodeURIComponent(u.resourceType)}`}>{u.resourceType}</Link>
                <span>{u.resources} resource{u.resources === 1 ? "" : "s"}{u.inScope > 0 && <span className="badge bad" style={{ marginLeft: 6 }}>{u.inScope} in PHI scope</span>}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function AccountScores({ o, slug }: { o: OverviewData; slug: string }) {
  const names = new Map(o.accounts.map((a) => [a.id, a]));
  const rows = [...o.cloud.byAccount].sort((a, b) => (a.score ?? 101) - (b.score ?? 101));
  return (
    <section className="card">
      <h2>By account</h2>
      <div className="table-wrap">
        <table>
          <thead><tr><th>Account</th><th>Score</th><th>Failing</th><th>Last scan</th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.accountId}>
                <td><Link href={`/${slug}/findings?accountId=${r.accountId}&status=FAIL,ERROR`}>{names.get(r.accountId)?.name ?? r.accountId}</Link></td>
                <td>{r.score === null ? "—" : `${r.score.toFixed(1)} %`}</td>
                <td>{(r.fail + r.error).toLocaleString()}</td>
                <td className="small">{formatDate(names.get(r.accountId)?.lastScanAt ?? null)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
