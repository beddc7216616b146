// Microsoft Defender for Cloud security contacts, on subscription rows (microsoft.resources/subscriptions).
// The collector attaches GET /subscriptions/{id}/providers/Microsoft.Security/securityContacts (the `value`
// array) as supplementaryConfiguration.securityContacts (docs/architecture.md). Both API shapes are read:
// 2023-12-01-preview (isEnabled, notificationsSources[{sourceType: Alert, minimalSeverity}]) and
// 2020-01-01-preview (alertNotifications {state, minimalSeverity}). Absent = not collected; null = read failed.
import { azure, fix } from "../../lib/define";
import { asArray, isObj, lower, type Obj } from "../../lib/path";
import { error, ev, na, verdict } from "../../lib/result";
import { C } from "../../rule/citations";

const SUB = "microsoft.resources/subscriptions";
const PATH = "supplementaryConfiguration.securityContacts";
/** Every Defender severity is "High or lower", so any of them meets the row's bar once alerts are on. */
const SEVERITIES = new Set(["high", "medium", "low"]);

function alertSeverity(p: Obj): string | undefined {
  if (p.isEnabled === false) return undefined;
  const src = asArray(p.notificationsSources).find((s) => isObj(s) && lower(s.sourceType) === "alert");
  if (isObj(src) && SEVERITIES.has(lower(src.minimalSeverity))) return String(src.minimalSeverity);
  const legacy = p.alertNotifications;
  if (isObj(legacy) && lower(legacy.state) === "on" && SEVERITIES.has(lower(legacy.minimalSeverity))) return String(legacy.minimalSeverity);
  return undefined;
}

interface ContactView { name: unknown; emails: boolean; alerts: string | null; ownerNotified: boolean }

function view(c: Obj): ContactView {
  const p = isObj(c.properties) ? c.properties : {};
  const byRole = isObj(p.notificationsByRole) ? p.notificationsByRole : {};
  return {
    name: c.name ?? null,
    emails: typeof p.emails === "string" && p.emails.trim() !== "",
    alerts: alertSeverity(p) ?? null,
    ownerNotified: lower(byRole.state) === "on" && asArray(byRole.roles).some((r) => lower(r) === "owner"),
  };
}

export const azureSecurityContactChecks = [
  azure({
    id: "azure.security.subscription.contact-alerts", resourceType: SUB, severity: "medium", citations: C.alerting,
    title: "Defender for Cloud emails alerts (High severity or lower) to named contacts and subscription Owners",
    rationale: "Security incident procedures start with someone being told: alerts must reach a monitored mailbox and the Owners.",
    reads: [`${PATH}[].properties.emails|isEnabled`, `${PATH}[].properties.notificationsSources[sourceType=Alert].minimalSeverity`, `${PATH}[].properties.alertNotifications.state|minimalSeverity`, `${PATH}[].properties.notificationsByRole.state|roles`],
    remediation: fix("Defender for Cloud > Environment settings > subscription > Email notifications: additional emails, notify Owner, alerts of severity High (or lower).", "az security contact create -n default --emails secops@example.org --alert-notifications on --alerts-admins on", "resource \"azurerm_security_center_contact\" { email = \"secops@example.org\"  alert_notifications = true  alerts_to_admins = true }"),
    evaluate(r) {
      const v = r.supplementaryConfiguration.securityContacts;
      if (v === undefined) return na("not collected: Defender for Cloud security contacts are missing from this snapshot (recorded before the collector read them)");
      if (v === null) return error(`Defender for Cloud security contacts could not be read (${PATH} is null)`);
      const views = asArray(v).filter(isObj).map(view);
      const ok = views.some((c) => c.emails && c.alerts !== null && c.ownerNotified);
      return verdict(ok, [ev(`${PATH}[]`, views.length > 0 ? views : "no security contact configured", "emails set, alert notifications on (High or lower), Owner role notified")]);
    },
  }),
];
