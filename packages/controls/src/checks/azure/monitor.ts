// Subscription-level monitoring: activity log export and activity log alerts (microsoft.resources/subscriptions rows).
import { azure, fix } from "../../lib/define";
import { asArray, isObj, lower } from "../../lib/path";
import { error, ev, na, verdict } from "../../lib/result";
import { C } from "../../rule/citations";
import type { EvalContext } from "../../types";
import { enabledCategories } from "./diagnostics";

const SUB = "microsoft.resources/subscriptions";
const ALERT = "microsoft.insights/activitylogalerts";
const REQUIRED = ["Administrative", "Security", "Alert", "Policy"];

/** Operation names covered by enabled activity log alerts, per subscription. */
function alertOperations(ctx: EvalContext): Map<string, Set<string>> {
  return ctx.memo("azure-alert-operations", () => {
    const m = new Map<string, Set<string>>();
    for (const a of ctx.ofType(ALERT)) {
      const p = a.configuration?.properties;
      if (!isObj(p) || p.enabled === false) continue;
      const cond = isObj(p.condition) ? p.condition : {};
      let s = m.get(a.accountId);
      if (!s) m.set(a.accountId, (s = new Set()));
      for (const c of asArray(cond.allOf)) if (isObj(c) && lower(c.field) === "operationname" && typeof c.equals === "string") s.add(c.equals.toLowerCase());
    }
    return m;
  });
}

const alertFor = (id: string, title: string, ops: string[], opsLower = ops.map((o) => o.toLowerCase())) =>
  azure({
    id, resourceType: SUB, severity: "medium", citations: C.alerting, contextTypes: [ALERT],
    title, rationale: "Changes to network boundaries and policy are security events; someone must be told when they happen.",
    reads: [`${ALERT} properties.enabled`, `${ALERT} properties.condition.allOf[].field|equals`],
    remediation: fix("Monitor > Alerts > Create > Alert rule: signal Activity Log, the operations listed, action group.", `az monitor activity-log alert create -g RG -n ALERT --condition operationName=${ops[0]}`, "resource \"azurerm_monitor_activity_log_alert\""),
    evaluate(r, ctx) {
      const have = alertOperations(ctx).get(r.accountId) ?? new Set<string>();
      const missing = ops.filter((o, i) => !have.has(opsLower[i]!));
      return verdict(missing.length === 0, [ev(`${ALERT}.properties.condition.allOf[operationName]`, missing.length === 0 ? ops : { missing }, ops)]);
    },
  });

export const azureMonitorChecks = [
  azure({
    id: "azure.monitor.subscription.activity-log-exported", resourceType: SUB, severity: "high", citations: C.logRetention,
    title: "Subscription activity log is exported (Administrative, Security, Alert, Policy)", rationale: "The activity log keeps 90 days only; a diagnostic setting retains control-plane audit records.",
    reads: ["supplementaryConfiguration.diagnosticSettings[].properties.logs[].category|enabled"],
    remediation: fix("Monitor > Activity log > Export Activity Logs > Add diagnostic setting: the four categories to Log Analytics or storage.", "az monitor diagnostic-settings subscription create -n export --workspace WS --logs '[{\"category\":\"Administrative\",\"enabled\":true},...]'", "resource \"azurerm_monitor_diagnostic_setting\" { target_resource_id = data.azurerm_subscription.current.id }"),
    evaluate(r) {
      const ds = r.supplementaryConfiguration.diagnosticSettings;
      if (ds === undefined || ds === null) return error("supplementaryConfiguration.diagnosticSettings not attached for the subscription");
      const on = enabledCategories(asArray(ds));
      const missing = REQUIRED.filter((c) => !on.has(c));
      return verdict(missing.length === 0, [ev("supplementaryConfiguration.diagnosticSettings[].properties.logs", { enabled: [...on], missing }, REQUIRED)]);
    },
  }),
  alertFor("azure.monitor.subscription.alert-nsg-changes", "Activity log alerts fire on NSG changes", ["Microsoft.Network/networkSecurityGroups/write", "Microsoft.Network/networkSecurityGroups/delete"]),
  alertFor("azure.monitor.subscription.alert-policy-changes", "Activity log alerts fire on policy assignment changes", ["Microsoft.Authorization/policyAssignments/write", "Microsoft.Authorization/policyAssignments/delete"]),
  alertFor("azure.monitor.subscription.alert-sql-firewall-changes", "Activity log alerts fire on SQL firewall rule changes", ["Microsoft.Sql/servers/firewallRules/write", "Microsoft.Sql/servers/firewallRules/delete"]),
  azure({
    id: "azure.security.pricing.defender-standard", resourceType: "microsoft.security/pricings", severity: "high", citations: C.threatDetection,
    title: "Microsoft Defender plan is on (Standard tier)", rationale: "Defender plans detect malware, anomalous access and attacks against ePHI workloads.",
    reads: ["name", "configuration.properties.pricingTier"],
    remediation: fix("Defender for Cloud > Environment settings > subscription > Defender plans: On.", "az security pricing create -n PLAN --tier Standard", "resource \"azurerm_security_center_subscription_pricing\" { tier = \"Standard\" }"),
    evaluate(r) {
      const p = r.configuration?.properties;
      const tier = isObj(p) ? p.pricingTier : undefined;
      return verdict(tier === "Standard", [ev("name", r.name), ev("configuration.properties.pricingTier", tier ?? null, "Standard")]);
    },
  }),
  azure({
    id: "azure.policy.assignment.security-benchmark-enforced", resourceType: "microsoft.authorization/policyassignments", severity: "medium", citations: C.configMonitoring,
    title: "Defender for Cloud default policy assignment is enforced", rationale: "The Microsoft cloud security benchmark assignment drives continuous compliance evaluation.",
    reads: ["name", "configuration.properties.enforcementMode"],
    remediation: fix("Defender for Cloud > Environment settings > Security policy: enable the default initiative with enforcement.", "az policy assignment update -n SecurityCenterBuiltIn --enforcement-mode Default", "enforce = true"),
    evaluate(r) {
      if (r.name !== "SecurityCenterBuiltIn") return na("not the Defender for Cloud default assignment", [ev("name", r.name)]);
      const p = r.configuration?.properties;
      const mode = isObj(p) ? p.enforcementMode ?? "Default" : undefined;
      return verdict(mode === "Default", [ev("configuration.properties.enforcementMode", mode ?? null, "Default")]);
    },
  }),
];
