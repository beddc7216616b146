"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Field } from "../../../../components/field";
import { useFieldErrors } from "../../../../lib/use-field-errors";
import { signUpAction } from "../actions";

export function SignUpForm() {
  const router = useRouter();
  const errors = useFieldErrors();
  const [form, setForm] = useState({ name: "", email: "", password: "", orgName: "", slug: "" });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    errors.clear();
    const result = await signUpAction(form);
    if (!result.ok) {
      setBusy(false);
      errors.setIssues(result.issues ?? []);
      if (!result.issues?.length) setError(result.error);
      return;
    }
    const signedIn = await signIn("credentials", { email: form.email, password: form.password, redirect: false });
    setBusy(false);
    router.replace(signedIn?.ok ? `/${result.data.slug}/accounts` : "/sign-in");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      {error && <div className="alert error" role="alert">{error}</div>}
      <Field id="name" label="Your name" error={errors.of("name")}>
        <input id="name" type="text" autoComplete="name" value={form.name} onChange={set("name")} aria-invalid={!!errors.of("name")} />
      </Field>
      <Field id="email" label="Work email" error={errors.of("email")}>
        <input id="email" type="email" autoComplete="username" value={form.email} onChange={set("email")} aria-invalid={!!errors.of("email")} />
      </Field>
      <Field id="password" label="Password" hint="At least 12 characters. Common passwords are refused." error={errors.of("password")}>
        <input id="password" type="password" autoComplete="new-password" value={form.password} onChange={set("password")} aria-invalid={!!errors.of("password")} />
      </Field>
      <Field id="orgName" label="Organisation name" error={errors.of("orgName")}>
        <input id="orgName" type="text" value={form.orgName} onChange={set("orgName")} aria-invalid={!!errors.of("orgName")} />
      </Field>
      <Field id="slug" label="Address (optional)" hint="Lower-case letters, digits and hyphens; derived from the name when empty." error={errors.of("slug")}>
        <input id="slug" type="text" value={form.slug} onChange={set("slug")} aria-invalid={!!errors.of("slug")} placeholder="acme-health" />
      </Field>
      <button type="submit" className="full" disabled={busy}>{busy ? "Creating…" : "Create organisation"}</button>
    </form>
  );
}
