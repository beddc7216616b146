"use client";

import { useState, type FormEvent } from "react";
import { Field } from "../../../../../components/field";
import type { RoleValue } from "../../../../../lib/roles";
import { useFieldErrors } from "../../../../../lib/use-field-errors";
import { inviteMemberAction } from "../actions";

export function InviteForm({ slug, roles, onInvited }: { slug: string; roles: ReadonlyArray<{ value: RoleValue; label: string }>; onInvited: () => unknown }) {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<RoleValue>("VIEWER");
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const errors = useFieldErrors();
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setLink(null);
    errors.clear();
    const result = await inviteMemberAction(slug, { email, role });
    setBusy(false);
    if (!result.ok) {
      errors.setIssues(result.issues ?? []);
      if (!result.issues?.length) setError(result.error);
      return;
    }
    setLink(result.data.link);
    setEmail("");
    await onInvited();
  }

  return (
    <section className="card">
      <h2>Invite someone</h2>
      {error && <div className="alert error" role="alert">{error}</div>}
      {link && (
        <div className="alert success">
          Invitation created. Send this link to the person (it is shown only once and expires in 7 days):
          <pre style={{ marginTop: 8, whiteSpace: "pre-wrap", wordBreak: "break-all" }}>{link}</pre>
        </div>
      )}
      <form onSubmit={onSubmit} noValidate className="grid-2">
        <Field id="invite-email" label="Email" error={errors.of("email")}>
          <input id="invite-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} aria-invalid={!!errors.of("email")} />
        </Field>
        <Field id="invite-role" label="Role" error={errors.of("role")}>
          <select id="invite-role" value={role} onChange={(e) => setRole(e.target.value as RoleValue)}>
            {roles.map((r) => <option key={r.value} value={r.value}>{r.label}</option>)}
          </select>
        </Field>
        <div><button type="submit" disabled={busy}>Create invitation</button></div>
      </form>
    </section>
  );
}
