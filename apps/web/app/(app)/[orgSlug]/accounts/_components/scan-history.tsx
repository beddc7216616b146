"use client";

import { useScanHistory } from "../_lib/queries";
import { duration, n, scanBadge, when, words } from "./format";

const TRIGGER: Record<string, string> = { SCHEDULE: "Scheduled", MANUAL: "Manual", ONBOARDING: "Onboarding" };

function outcome(c: Record<string, number>): string {
  const drift = [
    c.OPENED ? `${n(c.OPENED)} opened` : null,
    c.REGRESSED ? `${n(c.REGRESSED)} regressed` : null,
    c.ERRORED ? `${n(c.ERRORED)} errored` : null,
    c.RESOLVED ? `${n(c.RESOLVED)} resolved` : null,
    c.RESOURCE_DELETED ? `${n(c.RESOURCE_DELETED)} resources gone` : null,
  ].filter(Boolean);
  const work = [
    c.changed != null ? `${n(c.changed)} changed` : null,
    c.verdicts != null ? `${n(c.verdicts)} verdicts` : null,
  ].filter(Boolean);
  if (drift.length === 0 && work.length === 0) return "—";
  return [...work, drift.length ? drift.join(", ") : "no drift"].join(" · ");
}

/** The last 10 scans of one account. */
export function ScanHistory({ slug, accountId, live }: { slug: string; accountId: string; live: boolean }) {
  const { data, isPending, error } = useScanHistory(slug, accountId, live);
  if (isPending) return <p className="small muted">Loading scan history…</p>;
  if (error) return <div className="alert error small">{error.message}</div>;
  if (data.length === 0) return <p className="small muted">No scans yet.</p>;
  return (
    <div className="table-wrap">
      <table className="small">
        <thead>
          <tr><th>Queued</th><th>Kind</th><th>Trigger</th><th>Status</th><th>Duration</th><th style={{ textAlign: "right" }}>Resources</th><th>Result</th></tr>
        </thead>
        <tbody>
          {data.map((s) => (
            <tr key={s.id}>
              <td style={{ whiteSpace: "nowrap" }}>{when(s.queuedAt)}</td>
              <td>{words(s.kind)}</td>
              <td>{TRIGGER[s.trigger] ?? words(s.trigger)}</td>
              <td><span className={`badge ${scanBadge(s.status)}`}>{words(s.status)}</span></td>
              <td style={{ whiteSpace: "nowrap" }}>{s.durationMs == null ? (s.status === "RUNNING" ? "running" : "—") : duration(s.durationMs)}</td>
              <td style={{ textAlign: "right" }}>{n(s.resourcesCollected)}</td>
              <td style={{ maxWidth: 420 }}>
                {s.error ? <span style={{ color: "var(--danger)" }}>{s.error}</span> : outcome(s.counts)}
                {s.problemCount > 0 && <div className="muted">{s.problemCount} partial failure{s.problemCount === 1 ? "" : "s"} (see coverage)</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
