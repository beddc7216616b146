"use client";

import { useEffect, useState } from "react";
import type { ScanRun } from "../_lib/types";
import { duration, n, words } from "./format";
import styles from "../accounts.module.css";

const PHASES = ["QUEUED", "ASSUMING_ROLE", "COLLECTING", "EVALUATING", "RECONCILING"] as const;
const PHASE_LABEL: Record<string, string> = { QUEUED: "Queued", ASSUMING_ROLE: "Connecting", COLLECTING: "Collecting", EVALUATING: "Evaluating", RECONCILING: "Saving results" };

/** Ticks once a second so elapsed time moves between polls. */
function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [active]);
  return now;
}

export function ScanProgress({ scan, canCancel, onCancel, cancelling }: { scan: ScanRun; canCancel: boolean; onCancel: () => void; cancelling: boolean }) {
  const now = useNow(true);
  const since = Date.parse(scan.startedAt ?? scan.queuedAt);
  const current = PHASES.indexOf(scan.phase as (typeof PHASES)[number]);
  const stopping = scan.cancelRequested && scan.status === "RUNNING";
  return (
    <div className={styles.progress} aria-live="polite">
      <div className="spread">
        <strong>
          {scan.status === "QUEUED" ? "Scan queued" : stopping ? "Stopping the scan…" : `${words(scan.kind)} scan running`}
          <span className="muted small" style={{ fontWeight: 400 }}> · {scan.status === "QUEUED" ? "waiting" : "elapsed"} {duration(now - since)}</span>
        </strong>
        {canCancel && !stopping && (
          <button type="button" className="secondary" onClick={onCancel} disabled={cancelling}>
            {cancelling ? "Cancelling…" : "Cancel scan"}
          </button>
        )}
      </div>
      <ol className={styles.phases} aria-label="Scan phases">
        {PHASES.map((p, i) => (
          <li key={p} className={i < current ? styles.phaseDone : i === current ? styles.phaseNow : undefined} aria-current={i === current ? "step" : undefined}>
            {PHASE_LABEL[p]}
          </li>
        ))}
      </ol>
      <div
        className={styles.bar}
        role="progressbar"
        aria-label="Scan progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={scan.percent ?? undefined}
      >
        <div className={scan.percent == null ? styles.barIndeterminate : styles.barFill} style={scan.percent == null ? undefined : { width: `${scan.percent}%` }} />
      </div>
      <div className="small muted">
        {n(scan.resourcesCollected)} collected
        {scan.resourcesExpected != null ? ` of ~${n(scan.resourcesExpected)} expected` : ""} · {n(scan.resourcesEvaluated)} evaluated
        {scan.percent != null ? ` · ${scan.percent}%` : ""}
        {scan.progressMessage ? ` · ${scan.progressMessage}` : ""}
      </div>
    </div>
  );
}
