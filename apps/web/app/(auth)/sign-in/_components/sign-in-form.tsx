"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { parseSignInError } from "../../../../lib/sign-in-error";

export function SignInForm({ callbackUrl, initialError, oidc }: { callbackUrl: string; initialError: string | null; oidc: { name: string } | null }) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [needCode, setNeedCode] = useState(false);
  const [error, setError] = useState<string | null>(parseSignInError(initialError)?.message ?? null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await signIn("credentials", { email, password, code: needCode ? code : "", redirect: false });
    setBusy(false);
    if (result?.ok && !result.error) {
      router.replace(callbackUrl);
      router.refresh();
      return;
    }
    const parsed = parseSignInError(result?.error);
    if (parsed?.reason === "mfa_required") {
      setNeedCode(true);
      return;
    }
    setError(parsed?.message ?? "Sign-in failed. Please try again.");
  }

  return (
    <>
      <form onSubmit={onSubmit} noValidate>
        {error && <div className="alert error" role="alert">{error}</div>}
        <div className="field">
          <label htmlFor="email">Email</label>
          <input id="email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required disabled={needCode} />
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input id="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required disabled={needCode} />
        </div>
        {needCode && (
          <div className="field">
            <label htmlFor="code">Authentication code</label>
            <input id="code" type="text" inputMode="numeric" autoComplete="one-time-code" autoFocus value={code} onChange={(e) => setCode(e.target.value)} />
            <div className="field-hint">The 6-digit code from your authenticator app, or one of your recovery codes.</div>
          </div>
        )}
        <button type="submit" className="full" disabled={busy}>{busy ? "Signing in…" : needCode ? "Verify and sign in" : "Sign in"}</button>
      </form>
      {oidc && (
        <button type="button" className="secondary full" style={{ marginTop: 12 }} onClick={() => signIn("oidc", { callbackUrl })}>
          Continue with {oidc.name}
        </button>
      )}
    </>
  );
}
