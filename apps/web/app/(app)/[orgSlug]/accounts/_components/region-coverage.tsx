"use client";

import type { AccountView } from "../_lib/types";
import { n, when } from "./format";
import styles from "../accounts.module.css";

const LABEL = { ok: "Covered", "no-recorder": "No Config recorder", error: "Could not read" } as const;
const BADGE = { ok: "ok", "no-recorder": "warn", error: "bad" } as const;

/** What the last scan could see, region by region: gaps first, each with what to do. */
export function RegionCoverage({ account }: { account: AccountView }) {
  const last = account.lastCoverage;
  if (!last) {
    return <p className="small muted" style={{ margin: 0 }}>Region coverage appears after the first completed scan.</p>;
  }
  const c = last.coverage;
  const gaps = c.regions.filter((r) => r.status !== "ok");
  const unit = account.provider === "AWS" ? "region" : "scope";
  return (
    <div>
      <div className="row small" style={{ gap: 8 }}>
        <strong>Coverage</strong>
        <span className="badge ok">{c.ok} covered</span>
        {c.noRecorder > 0 && <span className="badge warn">{c.noRecorder} without recorder</span>}
        {c.error > 0 && <span className="badge bad">{c.error} unreadable</span>}
        <span className="muted">from the {last.kind === "FULL" ? "full" : "quick"} scan of {when(last.finishedAt)}</span>
      </div>
      {gaps.length > 0 && (
        <div className="alert warning small" style={{ marginTop: 8, marginBottom: 0 }}>
          <strong>
            {gaps.length} {unit}
            {gaps.length === 1 ? " is" : "s are"} not covered: resources there are not monitored, and the score does not include them.
          </strong>
          <ul className={styles.gapList}>
            {gaps.map((g) => (
              <li key={g.region}>
                <span className="mono">{g.region}</span> <span className={`badge ${BADGE[g.status]}`}>{LABEL[g.status]}</span>
                {g.error && <span className="muted"> {g.error}</span>}
                <div>{g.advice}</div>
              </li>
            ))}
          </ul>
        </div>
      )}
      <details className="small" style={{ marginTop: 6 }}>
        <summary className="muted">
          All {c.regions.length} {unit}s{c.regions.some((r) => r.region === "global") ? " (incl. global services such as IAM)" : ""}
        </summary>
        <div className={styles.regionGrid}>
          {c.regions.map((r) => (
            <span key={r.region} className={styles.regionChip} title={r.error ?? undefined}>
              <span className={`badge ${BADGE[r.status]}`}>{LABEL[r.status]}</span> <span className="mono">{r.region}</span>
              {r.status === "ok" && <span className="muted"> {n(r.resources)}</span>}
            </span>
          ))}
        </div>
      </details>
    </div>
  );
}
