"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Field } from "../../../../../components/field";
import { useFieldErrors } from "../../../../../lib/use-field-errors";
import { updateSettingsAction } from "../actions";
import { TagRulesField, tagRulesToText, textToTagRules, type TagRule } from "./tag-rules-field";

interface Settings {
  name: string;
  scopeMode: "ALL" | "PHI_TAGGED";
  phiTags: TagRule[];
  nonProdTags: TagRule[];
  requireMfa: boolean;
  sessionIdleMinutes: number;
  fullScanIntervalMinutes: number;
  quickScanIntervalMinutes: number | null;
}

const FULL_CADENCES = [
  { minutes: 60, label: "Hourly" }, { minutes: 180, label: "Every 3 hours" }, { minutes: 360, label: "Every 6 hours" },
  { minutes: 720, label: "Every 12 hours" }, { minutes: 1440, label: "Daily" }, { minutes: 10080, label: "Weekly" },
];
const QUICK_CADENCES = [{ minutes: 15, label: "Every 15 minutes" }, { minutes: 30, label: "Every 30 minutes" }, { minutes: 60, label: "Hourly" }, { minutes: 240, label: "Every 4 hours" }];

export function SettingsForm({ slug, initial }: { slug: string; initial: Settings }) {
  const router = useRouter();
  const errors = useFieldErrors();
  const [s, setS] = useState(initial);
  const [phiText, setPhiText] = useState(tagRulesToText(initial.phiTags));
  const [nonProdText, setNonProdText] = useState(tagRulesToText(initial.nonProdTags));
  const [status, setStatus] = useState<{ kind: "error" | "success"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setStatus(null);
    errors.clear();
    const result = await updateSettingsAction(slug, { ...s, phiTags: textToTagRules(phiText), nonProdTags: textToTagRules(nonProdText) });
    setBusy(false);
    if (result.ok) {
      setStatus({ kind: "success", text: "Settings saved." });
      router.refresh();
    } else {
      errors.setIssues(result.issues ?? []);
      setStatus({ kind: "error", text: result.issues?.length ? "Some fields need attention." : result.error });
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="stack">
      {status && <div className={`alert ${status.kind}`} role="status">{status.text}</div>}
      <section className="card">
        <h2>Organisation</h2>
        <Field id="name" label="Name" error={errors.of("name")}>
          <input id="name" type="text" value={s.name} onChange={(e) => setS({ ...s, name: e.target.value })} aria-invalid={!!errors.of("name")} />
        </Field>
      </section>
      <section className="card">
        <h2>Scope</h2>
        <Field id="scopeMode" label="Which resources count towards compliance" error={errors.of("scopeMode")}>
          <select id="scopeMode" value={s.scopeMode} onChange={(e) => setS({ ...s, scopeMode: e.target.value as Settings["scopeMode"] })}>
            <option value="ALL">All resources in connected accounts</option>
            <option value="PHI_TAGGED">Only resources tagged as holding PHI</option>
          </select>
        </Field>
        <Field id="phiTags" label="PHI tags" hint="One tag per line: Key = value1, value2 (case-insensitive)." error={errors.of("phiTags")}>
          <TagRulesField id="phiTags" value={phiText} onChange={setPhiText} />
        </Field>
        <Field id="nonProdTags" label="Non-production tags" hint="PHI found on resources with these tags is reported as a violation." error={errors.of("nonProdTags")}>
          <TagRulesField id="nonProdTags" value={nonProdText} onChange={setNonProdText} />
        </Field>
      </section>
      <section className="card">
        <h2>Sign-in policy</h2>
        <label className="checkbox">
          <input type="checkbox" checked={s.requireMfa} onChange={(e) => setS({ ...s, requireMfa: e.target.checked })} /> Require two-factor authentication for every member
        </label>
        <p className="field-hint">Members without it are sent to set it up before they can see anything.</p>
        <Field id="sessionIdleMinutes" label="Sign out after inactivity (minutes)" hint="5 to 120." error={errors.of("sessionIdleMinutes")}>
          <input id="sessionIdleMinutes" type="number" min={5} max={120} value={s.sessionIdleMinutes} onChange={(e) => setS({ ...s, sessionIdleMinutes: Number(e.target.value) })} aria-invalid={!!errors.of("sessionIdleMinutes")} style={{ maxWidth: 140 }} />
        </Field>
      </section>
      <section className="card">
        <h2>Scan cadence</h2>
        <div className="grid-2">
          <Field id="full" label="Full scans" error={errors.of("fullScanIntervalMinutes")}>
            <select id="full" value={s.fullScanIntervalMinutes} onChange={(e) => setS({ ...s, fullScanIntervalMinutes: Number(e.target.value) })}>
              {FULL_CADENCES.map((c) => <option key={c.minutes} value={c.minutes}>{c.label}</option>)}
              {!FULL_CADENCES.some((c) => c.minutes === s.fullScanIntervalMinutes) && <option value={s.fullScanIntervalMinutes}>Every {s.fullScanIntervalMinutes} minutes</option>}
            </select>
          </Field>
          <Field id="quick" label="Change-only scans" hint="Pick up configuration changes between full scans." error={errors.of("quickScanIntervalMinutes")}>
            <select id="quick" value={s.quickScanIntervalMinutes ?? ""} onChange={(e) => setS({ ...s, quickScanIntervalMinutes: e.target.value === "" ? null : Number(e.target.value) })}>
              <option value="">Off</option>
              {QUICK_CADENCES.map((c) => <option key={c.minutes} value={c.minutes}>{c.label}</option>)}
            </select>
          </Field>
        </div>
      </section>
      <div><button type="submit" disabled={busy}>{busy ? "Saving…" : "Save settings"}</button></div>
    </form>
  );
}
