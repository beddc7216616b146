"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { formatDate } from "../../findings/_lib/wire";
import { attestManualControlAction, updateManualControlAction } from "../actions";
import { manualKeys, uploadEvidence, useAttestations } from "../_lib/queries";
import type { ManualControlRow, Member } from "../_lib/types";

const STATE: Record<string, [string, string]> = { current: ["ok", "Current"], overdue: ["bad", "Overdue"], never: ["warn", "Never attested"] };

/** One manual control: its state at a glance; owner, cadence and attestation when opened. */
export function ManualControlCard({ slug, control, members, canManage, canDownload }: { slug: string; control: ManualControlRow; members: Member[]; canManage: boolean; canDownload: boolean }) {
  const router = useRouter();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [pending, start] = useTransition();
  const [owner, setOwner] = useState(control.owner?.id ?? "");
  const [statement, setStatement] = useState(control.statement);
  const [interval, setReviewInterval] = useState(String(control.reviewIntervalDays));
  const [attestation, setAttestation] = useState("");
  const [files, setFiles] = useState<File[]>([]);
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string } | null>(null);
  const history = useAttestations(slug, control.citation, open);
  const [cls, label] = STATE[control.state] ?? ["", control.state];

  const save = () => start(async () => {
    const r = await updateManualControlAction(slug, { citation: control.citation, ownerUserId: owner || null, statement, reviewIntervalDays: Number(interval) });
    setMessage(r.ok ? { kind: "success", text: "Saved." } : { kind: "error", text: r.issues?.map((i) => `${i.field}: ${i.message}`).join("; ") || r.error });
    if (r.ok) router.refresh();
  });
  const attest = () => start(async () => {
    try {
      const uploaded = [];
      for (const f of files) uploaded.push(await uploadEvidence(slug, f));
      const r = await attestManualControlAction(slug, { citation: control.citation, statement: attestation, evidenceFileIds: uploaded.map((u) => u.id) });
      if (!r.ok) throw new Error(r.issues?.map((i) => `${i.field}: ${i.message}`).join("; ") || r.error);
      setMessage({ kind: "success", text: `Attested. Next review due ${formatDate(r.data.nextReviewDueAt, false)}.` });
      setAttestation("");
      setFiles([]);
      await qc.invalidateQueries({ queryKey: manualKeys.attestations(slug, control.citation) });
      router.refresh();
    } catch (e) {
      setMessage({ kind: "error", text: (e as Error).message });
    }
  });

  return (
    <details id={control.citation} className="card" style={{ padding: 16 }} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary className="spread" style={{ cursor: "pointer", listStyle: "none" }}>
        <span><span className="mono small">{control.citation}</span> <strong>{control.title}</strong> <span className="badge">{control.requirement === "R" ? "Required" : "Addressable"}</span></span>
        <span className="row small">
          <span className="muted">{control.owner ? control.owner.name : "No owner"}</span>
          <span className={`badge ${cls}`}>{label}</span>
          <span className="muted">{control.state === "never" ? "" : control.state === "current" ? `due ${formatDate(control.nextReviewDueAt, false)}` : `was due ${formatDate(control.nextReviewDueAt, false)}`}</span>
        </span>
      </summary>
      <div className="stack" style={{ marginTop: 12 }}>
        <p className="small muted">{control.summary}</p>
        {message && <div className={`alert ${message.kind}`} role="alert">{message.text}</div>}
        {canManage && (
          <div className="grid-2">
            <div>
              <h3>Ownership and cadence</h3>
              <div className="field"><label htmlFor={`${control.citation}-owner`}>Owner</label>
                <select id={`${control.citation}-owner`} value={owner} onChange={(e) => setOwner(e.target.value)}>
                  <option value="">No owner</option>
                  {members.map((m) => <option key={m.userId} value={m.userId}>{m.name} ({m.email})</option>)}
                </select>
              </div>
              <div className="field"><label htmlFor={`${control.citation}-interval`}>Review every (days)</label>
                <input id={`${control.citation}-interval`} type="number" min={7} max={730} value={interval} onChange={(e) => setReviewInterval(e.target.value)} />
              </div>
              <div className="field"><label htmlFor={`${control.citation}-statement`}>How the organisation meets it</label>
                <textarea id={`${control.citation}-statement`} rows={3} value={statement} onChange={(e) => setStatement(e.target.value)} />
              </div>
              <button type="button" className="secondary" disabled={pending} onClick={save}>Save</button>
            </div>
            <div>
              <h3>Attest now</h3>
              <div className="field"><label htmlFor={`${control.citation}-attest`}>What was reviewed</label>
                <textarea id={`${control.citation}-attest`} rows={3} value={attestation} onChange={(e) => setAttestation(e.target.value)} placeholder="e.g. 2026 risk analysis reviewed and approved by the security committee" />
              </div>
              <div className="field"><label htmlFor={`${control.citation}-files`}>Evidence files</label>
                <input id={`${control.citation}-files`} type="file" multiple accept=".pdf,.png,.jpg,.jpeg,.txt,.csv,.docx,.xlsx" onChange={(e) => setFiles([...(e.target.files ?? [])])} />
                <div className="field-hint">PDF, PNG, JPEG, text, CSV, DOCX or XLSX; up to 10 MiB each.</div>
              </div>
              <button type="button" disabled={pending || attestation.trim().length < 20} onClick={attest}>{pending ? "Saving…" : "Attest"}</button>
            </div>
          </div>
        )}
        <div>
          <h3>Attestations</h3>
          {history.isLoading ? <p className="muted small">Loading…</p> : !history.data?.length ? <p className="muted small">None yet.</p> : (
            <ul className="small" style={{ paddingLeft: 18, margin: 0 }}>
              {history.data.map((a) => (
                <li key={a.id}>
                  {formatDate(a.attestedAt)} by {a.attestedBy ?? "a former member"}: {a.statement}
                  {a.files.map((f) => canDownload
                    ? <a key={f.id} className="badge" style={{ marginLeft: 6 }} href={`/api/orgs/${encodeURIComponent(slug)}/manual-controls/files/${f.id}`}>{f.fileName}</a>
                    : <span key={f.id} className="badge" style={{ marginLeft: 6 }}>{f.fileName}</span>)}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </details>
  );
}
