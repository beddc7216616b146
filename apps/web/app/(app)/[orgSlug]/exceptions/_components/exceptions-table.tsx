import Link from "next/link";
import type { ExceptionRow } from "../_lib/types";
import { formatDate } from "../../findings/_lib/wire";
import { ExceptionActions } from "./exception-actions";

const STATUS_CLASS: Record<string, string> = { PENDING: "warn", APPROVED: "ok", REJECTED: "", REVOKED: "", EXPIRED: "bad" };

function scopeText(e: ExceptionRow, slug: string) {
  if (e.scope === "FINDING") return <>Finding <Link href={`/${slug}/findings/${e.findingId}`}>{e.checkTitle ?? e.checkId}</Link>{e.accountName && <> on {e.accountName}</>}</>;
  if (e.scope === "CHECK_ON_ACCOUNT") return <>Check <strong>{e.checkTitle}</strong> on account {e.accountName}</>;
  return <>Resources tagged <code>{e.tagKey}{e.tagValue ? `=${e.tagValue}` : ""}</code>{e.checkTitle && <>, check {e.checkTitle}</>}{e.accountName && <>, account {e.accountName}</>}</>;
}

export function ExceptionsTable({ slug, rows, userId, canDecide }: { slug: string; rows: ExceptionRow[]; userId: string; canDecide: boolean }) {
  return (
    <div className="table-wrap card" style={{ padding: 0 }}>
      <table>
        <thead><tr><th>Status</th><th>Covers</th><th>Justification</th><th>People</th><th>Expires</th>{canDecide && <th>Decision</th>}</tr></thead>
        <tbody>
          {rows.map((e) => (
            <tr key={e.id}>
              <td><span className={`badge ${STATUS_CLASS[e.status] ?? ""}`}>{e.status.toLowerCase()}</span>
                {e.status === "APPROVED" && <div className="small muted">{e.suppressedFindings} finding{e.suppressedFindings === 1 ? "" : "s"} suppressed</div>}</td>
              <td className="small">{scopeText(e, slug)}</td>
              <td className="small" style={{ maxWidth: 320, whiteSpace: "pre-wrap" }}>{e.justification}{e.decisionNote && <div className="muted">Decision note: {e.decisionNote}</div>}</td>
              <td className="small">Requested by {e.requestedBy.name ?? "a former member"} · {formatDate(e.createdAt, false)}
                {e.decidedBy && <div>Decided by {e.decidedBy.name ?? "a former member"} · {formatDate(e.decidedAt, false)}</div>}</td>
              <td className="small">{formatDate(e.expiresAt, false)}</td>
              {canDecide && <td><ExceptionActions slug={slug} exceptionId={e.id} status={e.status} isRequester={e.requestedBy.id === userId} /></td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
