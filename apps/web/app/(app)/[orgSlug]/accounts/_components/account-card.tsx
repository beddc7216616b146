"use client";

import { useState } from "react";
import type { AccountView } from "../_lib/types";
import { when, words } from "./format";
import { RegionCoverage } from "./region-coverage";
import { ScanHistory } from "./scan-history";
import { ScanProgress } from "./scan-progress";
import styles from "../accounts.module.css";

const STATUS_BADGE: Record<string, string> = { ACTIVE: "ok", PENDING: "warn", DISABLED: "" };

interface Props {
  slug: string;
  account: AccountView;
  canScan: boolean;
  busy: boolean;
  setupOpen: boolean;
  onToggleSetup: () => void;
  onScan: () => void;
  onCancel: (scanRunId: string) => void;
  children?: React.ReactNode;
}

/** One connected account: state, live scan, coverage, last error, history. */
export function AccountCard({ slug, account: a, canScan, busy, setupOpen, onToggleSetup, onScan, onCancel, children }: Props) {
  const [showHistory, setShowHistory] = useState(false);
  const problem = !(a.status in STATUS_BADGE);
  return (
    <section className={`card ${styles.account}`} aria-labelledby={`acc-${a.id}`}>
      <div className={styles.accountHead}>
        <div style={{ minWidth: 0 }}>
          <div className="row" style={{ gap: 8 }}>
            <h2 id={`acc-${a.id}`} style={{ margin: 0 }}>{a.name}</h2>
            <span className={`badge ${STATUS_BADGE[a.status] ?? "bad"}`}>{a.status === "ACTIVE" ? "Connected" : words(a.status)}</span>
          </div>
          <div className="muted small mono">{a.provider === "AWS" ? "AWS account" : "Azure subscription"} {a.externalAccountId}</div>
        </div>
        <div className="row" style={{ gap: 8 }}>
          {a.awsSetup && <button type="button" className="link" onClick={onToggleSetup}>{setupOpen ? "Hide role setup" : "Role setup"}</button>}
          <button type="button" className="secondary" onClick={() => setShowHistory(!showHistory)} aria-expanded={showHistory}>
            {showHistory ? "Hide history" : "Scan history"}
          </button>
          {canScan && !a.currentScan && (
            <button type="button" onClick={onScan} disabled={busy || a.status === "DISABLED"}>{busy ? "Queuing…" : "Scan now"}</button>
          )}
        </div>
      </div>
      <div className={styles.accountBody}>
        {a.currentScan && <ScanProgress scan={a.currentScan} canCancel={canScan} cancelling={busy} onCancel={() => onCancel(a.currentScan!.id)} />}
        {problem || a.lastError ? (
          <div className={`alert ${problem ? "error" : "warning"} small`} style={{ margin: 0 }} role={problem ? "alert" : undefined}>
            <strong>{problem ? "Cannot scan this account. " : "Last scan had problems. "}</strong>
            {a.lastError ?? a.statusText}
            {a.lastErrorAt && <span className="muted"> ({when(a.lastErrorAt)})</span>}
          </div>
        ) : (
          <div className="small muted">{a.statusText}</div>
        )}
        <dl className={`${styles.facts} small`} style={{ margin: 0 }}>
          <div><dt>Last scan</dt><dd>{when(a.lastScanAt)}</dd></div>
          {a.provider === "AWS" && <div><dt>Regions in scope</dt><dd>{a.regions.length ? a.regions.length : "All enabled"}</dd></div>}
          {a.provider === "AWS" && a.awsRoleArn && <div style={{ minWidth: 0 }}><dt>Role</dt><dd className="mono" style={{ overflowWrap: "anywhere" }}>{a.awsRoleArn}</dd></div>}
          {a.provider === "AZURE" && <div><dt>Client secret</dt><dd>{a.hasAzureSecret ? "Stored (sealed)" : "Missing"}</dd></div>}
        </dl>
        <RegionCoverage account={a} />
        {children}
        {showHistory && <ScanHistory slug={slug} accountId={a.id} live={a.currentScan != null} />}
      </div>
    </section>
  );
}
