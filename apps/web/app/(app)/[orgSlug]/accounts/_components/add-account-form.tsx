"use client";

import { useState, type FormEvent } from "react";
import { Field } from "../../../../../components/field";
import { AWS_REGIONS } from "../../../../../lib/aws-regions";
import { useFieldErrors } from "../../../../../lib/use-field-errors";
import { connectAccountAction } from "../actions";

type Provider = "AWS" | "AZURE";
const EMPTY = { name: "", externalAccountId: "", roleArn: "", regions: ["us-east-1"] as string[], subscriptionId: "", tenantId: "", clientId: "", clientSecret: "" };

export function AddAccountForm({ slug, onAdded }: { slug: string; onAdded: (accountId: string) => void | Promise<void> }) {
  const [provider, setProvider] = useState<Provider>("AWS");
  const [form, setForm] = useState(EMPTY);
  const errors = useFieldErrors();
  const [status, setStatus] = useState<{ kind: "error" | "success"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof EMPTY) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setStatus(null);
    errors.clear();
    const input =
      provider === "AWS"
        ? { provider, name: form.name, externalAccountId: form.externalAccountId.trim(), roleArn: form.roleArn.trim(), regions: form.regions }
        : { provider, name: form.name, subscriptionId: form.subscriptionId.trim(), tenantId: form.tenantId.trim(), clientId: form.clientId.trim(), clientSecret: form.clientSecret };
    const result = await connectAccountAction(slug, input);
    setBusy(false);
    if (!result.ok) {
      errors.setIssues(result.issues ?? []);
      setStatus({ kind: "error", text: result.issues?.length ? "Some fields need attention." : result.error });
      return;
    }
    setForm(EMPTY);
    setStatus({ kind: "success", text: result.data.provider === "AWS" ? "Account added. Create the role shown above, then press “Scan now”." : "Subscription added; the first scan is queued." });
    await onAdded(result.data.accountId);
  }

  return (
    <section className="card">
      <div className="spread">
        <h2 style={{ margin: 0 }}>Add an account</h2>
        <div className="row" role="tablist">
          {(["AWS", "AZURE"] as const).map((p) => (
            <button key={p} type="button" role="tab" aria-selected={provider === p} className={provider === p ? "" : "secondary"} onClick={() => { setProvider(p); errors.clear(); }}>
              {p === "AWS" ? "AWS account" : "Azure subscription"}
            </button>
          ))}
        </div>
      </div>
      <form onSubmit={onSubmit} noValidate style={{ marginTop: 16 }}>
        {status && <div className={`alert ${status.kind}`} role="status">{status.text}</div>}
        <Field id="acct-name" label="Display name" error={errors.of("name")}>
          <input id="acct-name" type="text" value={form.name} onChange={set("name")} placeholder="Production" aria-invalid={!!errors.of("name")} />
        </Field>
        {provider === "AWS" ? (
          <>
            <div className="grid-2">
              <Field id="acct-id" label="AWS account id" hint="12 digits" error={errors.of("externalAccountId")}>
                <input id="acct-id" type="text" inputMode="numeric" value={form.externalAccountId} onChange={set("externalAccountId")} aria-invalid={!!errors.of("externalAccountId")} />
              </Field>
              <Field id="acct-role" label="Role ARN" hint="arn:aws:iam::<account id>:role/SafeguardAudit" error={errors.of("roleArn")}>
                <input id="acct-role" type="text" value={form.roleArn} onChange={set("roleArn")} aria-invalid={!!errors.of("roleArn")} />
              </Field>
            </div>
            <Field id="acct-regions" label="Regions to monitor" hint="Hold Ctrl/Cmd to choose several." error={errors.of("regions")}>
              <select id="acct-regions" multiple value={form.regions} onChange={(e) => setForm((f) => ({ ...f, regions: Array.from(e.target.selectedOptions, (o) => o.value) }))} aria-invalid={!!errors.of("regions")}>
                {AWS_REGIONS.map((r) => <option key={r} value={r}>{r}</option>)}
              </select>
            </Field>
          </>
        ) : (
          <div className="grid-2">
            <Field id="az-sub" label="Subscription id" error={errors.of("subscriptionId")}>
              <input id="az-sub" type="text" value={form.subscriptionId} onChange={set("subscriptionId")} aria-invalid={!!errors.of("subscriptionId")} />
            </Field>
            <Field id="az-tenant" label="Tenant (directory) id" error={errors.of("tenantId")}>
              <input id="az-tenant" type="text" value={form.tenantId} onChange={set("tenantId")} aria-invalid={!!errors.of("tenantId")} />
            </Field>
            <Field id="az-client" label="Client (application) id" error={errors.of("clientId")}>
              <input id="az-client" type="text" value={form.clientId} onChange={set("clientId")} aria-invalid={!!errors.of("clientId")} />
            </Field>
            <Field id="az-secret" label="Client secret" hint="Stored encrypted; never shown again. Grant the app the Reader role on the subscription." error={errors.of("clientSecret")}>
              <input id="az-secret" type="password" autoComplete="off" value={form.clientSecret} onChange={set("clientSecret")} aria-invalid={!!errors.of("clientSecret")} />
            </Field>
          </div>
        )}
        <button type="submit" disabled={busy}>{busy ? "Adding…" : provider === "AWS" ? "Add AWS account" : "Add Azure subscription"}</button>
      </form>
    </section>
  );
}
