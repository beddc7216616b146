"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { requestExceptionAction } from "../actions";

type Scope = "FINDING" | "CHECK_ON_ACCOUNT" | "TAG";

const MIN = 30;

function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Ask to accept a risk. Opened from a finding (scope: this finding, or its check on its account),
 * or from the exceptions page with a tag scope. The server checks every rule again.
 */
export function RequestExceptionForm({ slug, findingId, checkId, accountId, scopes }: {
  slug: string; findingId?: string; checkId?: string; accountId?: string; scopes: Scope[];
}) {
  const router = useRouter();
  const [scope, setScope] = useState<Scope>(scopes[0]!);
  const [justification, setJustification] = useState("");
  const [expiresAt, setExpiresAt] = useState(inDays(90));
  const [tagKey, setTagKey] = useState("");
  const [tagValue, setTagValue] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string } | null>(null);
  const [pending, start] = useTransition();

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setErrors({});
    setMessage(null);
    const common = { justification, expiresAt: `${expiresAt}T23:59:59.000Z` };
    const input =
      scope === "FINDING" ? { scope, findingId: findingId ?? "", ...common }
      : scope === "CHECK_ON_ACCOUNT" ? { scope, checkId: checkId ?? "", accountId: accountId ?? "", ...common }
      : { scope, tagKey, tagValue, ...common };
    start(async () => {
      const result = await requestExceptionAction(slug, input);
      if (result.ok) {
        setMessage({ kind: "success", text: "Requested. A security officer other than you must approve it." });
        setJustification("");
        router.refresh();
      } else {
        setErrors(Object.fromEntries((result.issues ?? []).map((i) => [i.field, i.message])));
        setMessage({ kind: "error", text: result.error });
      }
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      {message && <div className={`alert ${message.kind}`} role="alert">{message.text}</div>}
      {scopes.length > 1 && (
        <div className="field">
          <label htmlFor="ex-scope">Covers</label>
          <select id="ex-scope" value={scope} onChange={(e) => setScope(e.target.value as Scope)}>
            {scopes.includes("FINDING") && <option value="FINDING">This finding only</option>}
            {scopes.includes("CHECK_ON_ACCOUNT") && <option value="CHECK_ON_ACCOUNT">This check on this whole account</option>}
            {scopes.includes("TAG") && <option value="TAG">Every resource with a tag</option>}
          </select>
        </div>
      )}
      {scope === "TAG" && (
        <div className="row" style={{ alignItems: "flex-start" }}>
          <div className="field" style={{ flex: 1 }}>
            <label htmlFor="ex-tag-key">Tag key</label>
            <input id="ex-tag-key" type="text" value={tagKey} onChange={(e) => setTagKey(e.target.value)} aria-invalid={Boolean(errors.tagKey)} />
            {errors.tagKey && <div className="field-error">{errors.tagKey}</div>}
          </div>
          <div className="field" style={{ flex: 1 }}>
            <label htmlFor="ex-tag-value">Tag value (empty = any)</label>
            <input id="ex-tag-value" type="text" value={tagValue} onChange={(e) => setTagValue(e.target.value)} />
          </div>
        </div>
      )}
      <div className="field">
        <label htmlFor="ex-justification">Justification</label>
        <textarea id="ex-justification" rows={4} value={justification} onChange={(e) => setJustification(e.target.value)} aria-invalid={Boolean(errors.justification)}
          placeholder="Why is this risk acceptable, and what compensates for it?" />
        <div className={errors.justification ? "field-error" : "field-hint"}>{errors.justification ?? `${justification.trim().length} / at least ${MIN} characters`}</div>
      </div>
      <div className="field">
        <label htmlFor="ex-expires">Expires on</label>
        <input id="ex-expires" type="date" min={inDays(1)} max={inDays(365)} value={expiresAt} onChange={(e) => setExpiresAt(e.target.value)} aria-invalid={Boolean(errors.expiresAt)} />
        <div className={errors.expiresAt ? "field-error" : "field-hint"}>{errors.expiresAt ?? "At most one year. The finding counts again when the exception lapses."}</div>
      </div>
      <button type="submit" disabled={pending}>{pending ? "Requesting…" : "Request exception"}</button>
    </form>
  );
}
