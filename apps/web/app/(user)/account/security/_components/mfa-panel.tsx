"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { beginMfaEnrolmentAction, confirmMfaEnrolmentAction, disableMfaAction } from "../../actions";

type Stage = { kind: "idle" } | { kind: "enrolling"; secret: string; qrSvg: string } | { kind: "codes"; codes: string[] };

export function MfaPanel({ enabled, requiredBy, continueHref }: { enabled: boolean; requiredBy: string[]; continueHref: string }) {
  const router = useRouter();
  const [stage, setStage] = useState<Stage>({ kind: "idle" });
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function begin() {
    setBusy(true);
    setError(null);
    const result = await beginMfaEnrolmentAction({});
    setBusy(false);
    if (result.ok) setStage({ kind: "enrolling", secret: result.data.secretBase32, qrSvg: result.data.qrSvg });
    else setError(result.error);
  }

  async function confirm(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await confirmMfaEnrolmentAction({ code });
    setBusy(false);
    setCode("");
    if (result.ok) setStage({ kind: "codes", codes: result.data.recoveryCodes });
    else setError(result.issues?.[0]?.message ?? result.error);
  }

  async function disable(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await disableMfaAction({ code });
    setBusy(false);
    setCode("");
    if (result.ok) router.refresh();
    else setError(result.issues?.[0]?.message ?? result.error);
  }

  if (stage.kind === "codes") {
    return (
      <section className="card">
        <h2>Two-factor authentication is on</h2>
        <p>Save these recovery codes somewhere safe. Each works once if you lose your device. <strong>They will not be shown again.</strong></p>
        <div className="codes" aria-label="Recovery codes">{stage.codes.map((c) => <span key={c}>{c}</span>)}</div>
        <div className="row" style={{ marginTop: 16 }}>
          <button type="button" className="secondary" onClick={() => navigator.clipboard?.writeText(stage.codes.join("\n"))}>Copy codes</button>
          <button type="button" onClick={() => { router.push(continueHref); router.refresh(); }}>I have saved them: continue</button>
        </div>
      </section>
    );
  }

  return (
    <section className="card">
      <div className="spread">
        <h2 style={{ margin: 0 }}>Two-factor authentication</h2>
        {enabled ? <span className="badge ok">On</span> : <span className="badge warn">Off</span>}
      </div>
      <p className="muted" style={{ marginTop: 8 }}>
        A code from an authenticator app (1Password, Google Authenticator, Microsoft Authenticator…) is asked for at every sign-in.
        {requiredBy.length > 0 && ` Required by: ${requiredBy.join(", ")}.`}
      </p>
      {error && <div className="alert error" role="alert">{error}</div>}
      {!enabled && stage.kind === "idle" && <button type="button" onClick={begin} disabled={busy}>Set up two-factor authentication</button>}
      {!enabled && stage.kind === "enrolling" && (
        <div className="grid-2">
          <div>
            <p>1. Scan this code with your authenticator app.</p>
            <div style={{ width: 200, background: "#fff" }} dangerouslySetInnerHTML={{ __html: stage.qrSvg }} />
            <p className="small muted">Or enter this key by hand: <code>{stage.secret}</code></p>
          </div>
          <form onSubmit={confirm}>
            <p>2. Enter the 6-digit code it shows.</p>
            <div className="field">
              <label htmlFor="mfa-code">Code</label>
              <input id="mfa-code" type="text" inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} />
            </div>
            <button type="submit" disabled={busy}>Turn on</button>
          </form>
        </div>
      )}
      {enabled && (
        <form onSubmit={disable} className="row" style={{ alignItems: "flex-end" }}>
          <div className="field" style={{ margin: 0, flex: "1 1 220px" }}>
            <label htmlFor="mfa-off-code">Current code or a recovery code</label>
            <input id="mfa-off-code" type="text" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} />
          </div>
          <button type="submit" className="danger" disabled={busy}>Turn off</button>
        </form>
      )}
    </section>
  );
}
