"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Field } from "../../../../../components/field";
import { useFieldErrors } from "../../../../../lib/use-field-errors";
import { acceptInvitationAction } from "../actions";

export function AcceptInvitation({ token, email, signedIn }: { token: string; email: string; signedIn: boolean }) {
  const router = useRouter();
  const errors = useFieldErrors();
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    errors.clear();
    const result = await acceptInvitationAction(signedIn ? { token } : { token, name, password });
    if (!result.ok) {
      setBusy(false);
      errors.setIssues(result.issues ?? []);
      if (!result.issues?.length) setError(result.error);
      return;
    }
    if (result.data.createdUser) await signIn("credentials", { email, password, redirect: false });
    router.replace(`/${result.data.orgSlug}/overview`);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      {error && <div className="alert error" role="alert">{error}</div>}
      {!signedIn && (
        <>
          <Field id="name" label="Your name" error={errors.of("name")}>
            <input id="name" type="text" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} aria-invalid={!!errors.of("name")} />
          </Field>
          <Field id="password" label="Choose a password" hint="At least 12 characters. Common passwords are refused." error={errors.of("password")}>
            <input id="password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} aria-invalid={!!errors.of("password")} />
          </Field>
        </>
      )}
      <button type="submit" className="full" disabled={busy}>{busy ? "Joining…" : "Accept invitation"}</button>
    </form>
  );
}
