"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { decideExceptionAction, revokeExceptionAction } from "../actions";

/** Approve / reject (pending) or revoke (pending or approved), with an optional note. */
export function ExceptionActions({ slug, exceptionId, status, isRequester }: { slug: string; exceptionId: string; status: string; isRequester: boolean }) {
  const router = useRouter();
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const run = (fn: () => Promise<{ ok: boolean; error?: string }>) =>
    start(async () => {
      setError(null);
      const r = await fn();
      if (r.ok) router.refresh();
      else setError(r.error ?? "That did not work.");
    });
  if (status !== "PENDING" && status !== "APPROVED") return null;
  return (
    <div className="stack" style={{ minWidth: 220 }}>
      {error && <div className="alert error small" role="alert">{error}</div>}
      <input type="text" aria-label="Decision note" placeholder="Note (optional)" value={note} onChange={(e) => setNote(e.target.value)} />
      <div className="row">
        {status === "PENDING" && !isRequester && (
          <>
            <button type="button" disabled={pending} onClick={() => run(() => decideExceptionAction(slug, { exceptionId, decision: "APPROVED", note: note || undefined }))}>Approve</button>
            <button type="button" className="secondary" disabled={pending} onClick={() => run(() => decideExceptionAction(slug, { exceptionId, decision: "REJECTED", note: note || undefined }))}>Reject</button>
          </>
        )}
        {status === "PENDING" && isRequester && <span className="small muted">Another security officer must decide.</span>}
        <button type="button" className="danger" disabled={pending} onClick={() => run(() => revokeExceptionAction(slug, { exceptionId, note: note || undefined }))}>
          {status === "PENDING" ? "Withdraw" : "Revoke"}
        </button>
      </div>
    </div>
  );
}
