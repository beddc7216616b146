"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Field } from "../../../../components/field";
import { useFieldErrors } from "../../../../lib/use-field-errors";
import { createOrganizationAction } from "../actions";

export function CreateOrgForm() {
  const router = useRouter();
  const errors = useFieldErrors();
  const [orgName, setOrgName] = useState("");
  const [slug, setSlug] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    errors.clear();
    const result = await createOrganizationAction({ orgName, slug });
    setBusy(false);
    if (result.ok) {
      router.push(`/${result.data.slug}/accounts`);
      router.refresh();
    } else {
      errors.setIssues(result.issues ?? []);
      if (!result.issues?.length) setError(result.error);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      {error && <div className="alert error" role="alert">{error}</div>}
      <Field id="orgName" label="Name" error={errors.of("orgName")}>
        <input id="orgName" type="text" value={orgName} onChange={(e) => setOrgName(e.target.value)} aria-invalid={!!errors.of("orgName")} />
      </Field>
      <Field id="slug" label="Address (optional)" hint="Derived from the name when empty." error={errors.of("slug")}>
        <input id="slug" type="text" value={slug} onChange={(e) => setSlug(e.target.value)} aria-invalid={!!errors.of("slug")} />
      </Field>
      <button type="submit" disabled={busy}>Create organisation</button>
    </form>
  );
}
