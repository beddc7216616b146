// Status and severity shown the same way on every dashboard page.
const SEVERITY_CLASS: Record<string, string> = { CRITICAL: "bad", HIGH: "bad", MEDIUM: "warn", LOW: "" };
const STATUS_CLASS: Record<string, string> = { PASS: "ok", FAIL: "bad", ERROR: "warn", NOT_APPLICABLE: "" };
const STATUS_LABEL: Record<string, string> = { PASS: "Pass", FAIL: "Fail", ERROR: "Error", NOT_APPLICABLE: "N/A" };

export function SeverityBadge({ severity }: { severity: string }) {
  return <span className={`badge ${SEVERITY_CLASS[severity] ?? ""}`}>{severity.charAt(0) + severity.slice(1).toLowerCase()}</span>;
}

export function StatusBadge({ status, suppressed }: { status: string; suppressed?: boolean }) {
  return (
    <span className="row" style={{ gap: 4, display: "inline-flex" }}>
      <span className={`badge ${STATUS_CLASS[status] ?? ""}`}>{STATUS_LABEL[status] ?? status}</span>
      {suppressed && <span className="badge" title="Covered by an approved exception: left out of the score">Accepted risk</span>}
    </span>
  );
}

export function EmptyState({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <div className="card" style={{ textAlign: "center", padding: "40px 20px" }}>
      <h2>{title}</h2>
      {children && <div className="muted">{children}</div>}
    </div>
  );
}
