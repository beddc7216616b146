// Subscription-level Azure resources: the subscription itself (resourcecontainers) with its activity-log
// diagnostic setting and Defender security contacts, Network Watchers and virtual networks per location, activity-log alerts, Defender
// pricings, the Defender default policy assignment, role definitions, and a Recovery Services vault with its policy.
import type { AzureContext, AzureDraft } from "./resources";
import { armRow } from "./resources";

export const LOCATIONS = ["eastus", "eastus2", "westus2"];
const DEFENDER_PLANS = ["VirtualMachines", "AppServices", "SqlServers", "SqlServerVirtualMachines", "StorageAccounts", "KeyVaults", "Arm", "Dns", "Containers", "CosmosDbs", "OpenSourceRelationalDatabases"];
const ACTIVITY_CATEGORIES = ["Administrative", "Security", "ServiceHealth", "Alert", "Recommendation", "Policy", "Autoscale", "ResourceHealth"];

const bare = (ctx: AzureContext, id: string, name: string, type: string, properties: Record<string, unknown>, extra: Record<string, unknown> = {}): AzureDraft["row"] => ({
  id, name, type, tenantId: ctx.tenantId, kind: "", location: "", resourceGroup: "", subscriptionId: ctx.subscriptionId, managedBy: "",
  sku: null, plan: null, tags: null, identity: null, zones: null, extendedLocation: null, properties, ...extra,
});

/**
 * Defender for Cloud's email notifications (securityContacts, 2023-12-01-preview shape). A flawed subscription
 * has a contact that neither gets alerts nor notifies the Owners (the "emails only for attack paths" setup).
 */
function securityContact(sub: string, flawed: boolean): Record<string, unknown> {
  return {
    id: `${sub}/providers/Microsoft.Security/securityContacts/default`, name: "default", type: "Microsoft.Security/securityContacts",
    properties: {
      emails: "secops@contoso-health.example;privacy-officer@contoso-health.example", phone: "", isEnabled: true,
      notificationsByRole: flawed ? { state: "Off", roles: [] } : { state: "On", roles: ["Owner", "ServiceAdmin"] },
      notificationsSources: flawed
        ? [{ sourceType: "AttackPath", minimalRiskLevel: "Critical" }]
        : [{ sourceType: "Alert", minimalSeverity: "Medium" }, { sourceType: "AttackPath", minimalRiskLevel: "High" }],
    },
  };
}

/**
 * Everything a subscription has before any workload. `flawed` subscriptions miss a Network Watcher in
 * westus2, export only Administrative activity logs, lack some alerts, run the Defender default policy in
 * DoNotEnforce mode and carry a custom role with "*".
 */
export function platformDrafts(ctx: AzureContext, displayName: string, flawed: boolean, share: number): AzureDraft[] {
  const sub = `/subscriptions/${ctx.subscriptionId}`;
  const out: AzureDraft[] = [];
  const subscription = bare(ctx, sub, displayName, "microsoft.resources/subscriptions", {
    state: "Enabled", subscriptionPolicies: { locationPlacementId: "Public_2014-09-01", quotaId: "EnterpriseAgreement_2014-09-01", spendingLimit: "Off" },
  }, { resourceGroup: "" });
  const categories = flawed ? ["Administrative"] : ACTIVITY_CATEGORIES;
  out.push({
    row: subscription,
    children: {
      "providers/Microsoft.Security/securityContacts": { value: [securityContact(sub, flawed)] },
      "providers/microsoft.insights/diagnosticSettings": {
        value: [{
          id: `${sub}/providers/microsoft.insights/diagnosticSettings/activity-to-law`, type: "Microsoft.Insights/diagnosticSettings", name: "activity-to-law",
          properties: {
            workspaceId: `${sub}/resourceGroups/rg-monitoring/providers/Microsoft.OperationalInsights/workspaces/law-central`,
            logs: ACTIVITY_CATEGORIES.map((category) => ({ category, enabled: categories.includes(category) })),
          },
        }],
      },
    },
  });

  LOCATIONS.forEach((location, i) => {
    const here = { ...ctx, location };
    if (!(flawed && location === "westus2")) {
      out.push({ row: armRow({ ...here, resourceGroup: "NetworkWatcherRG" }, "Microsoft.Network/networkWatchers", `NetworkWatcher_${location}`, { properties: { provisioningState: "Succeeded" } }) });
    }
    const vnet = `vnet-${location}`;
    out.push({
      row: armRow({ ...here, resourceGroup: "rg-network" }, "Microsoft.Network/virtualNetworks", vnet, {
        properties: {
          provisioningState: "Succeeded", resourceGuid: ctx.rng.hex(32), addressSpace: { addressPrefixes: [`10.${100 + i}.0.0/16`] },
          subnets: ["app", "data", "private-endpoints"].map((s, j) => ({ name: s, id: `${sub}/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/${vnet}/subnets/${s}`, properties: { addressPrefix: `10.${100 + i}.${j}.0/24` } })),
          enableDdosProtection: false,
        },
      }),
    });
  });

  for (const plan of DEFENDER_PLANS) {
    const standard = !(flawed && plan === "AppServices") && !(share > 0 && ctx.rng.chance(share / 3));
    out.push({
      row: bare(ctx, `${sub}/providers/Microsoft.Security/pricings/${plan}`, plan, "microsoft.security/pricings",
        { pricingTier: standard ? "Standard" : "Free", freeTrialRemainingTime: "PT0S", ...(standard ? { enablementTime: new Date(ctx.referenceMs - 200 * 86_400_000).toISOString() } : {}) }),
    });
  }

  const alertOps = [
    "Microsoft.Network/networkSecurityGroups/write", "Microsoft.Network/networkSecurityGroups/delete",
    "Microsoft.Authorization/policyAssignments/write", "Microsoft.Authorization/policyAssignments/delete",
    "Microsoft.Sql/servers/firewallRules/write", "Microsoft.Sql/servers/firewallRules/delete",
  ];
  for (const op of alertOps) {
    if (flawed && (op.includes("firewallRules") || op === "Microsoft.Network/networkSecurityGroups/delete")) continue;
    const enabled = !(flawed && op.includes("policyAssignments"));
    const name = `alert-${op.split("/").slice(1).join("-").toLowerCase()}`;
    out.push({
      row: armRow({ ...ctx, resourceGroup: "rg-monitoring" }, "microsoft.insights/activityLogAlerts", name, {
        location: "global",
        properties: {
          scopes: [sub], enabled, description: `Notify secops on ${op}`,
          condition: { allOf: [{ field: "category", equals: "Administrative" }, { field: "operationName", equals: op }] },
          actions: { actionGroups: [{ actionGroupId: `${sub}/resourceGroups/rg-monitoring/providers/microsoft.insights/actionGroups/secops` }] },
        },
      }),
    });
  }

  out.push({
    row: bare(ctx, `${sub}/providers/Microsoft.Authorization/policyAssignments/SecurityCenterBuiltIn`, "SecurityCenterBuiltIn", "microsoft.authorization/policyassignments", {
      displayName: "ASC Default (subscription: " + ctx.subscriptionId + ")", policyDefinitionId: "/providers/Microsoft.Authorization/policySetDefinitions/1f3afdf9-d0c9-4c3d-847f-89da613e70a8",
      scope: sub, enforcementMode: flawed ? "DoNotEnforce" : "Default", parameters: {},
    }, { location: "global" }),
  });

  const role = (name: string, type: string, actions: string[]) => {
    const id = ctx.rng.hex(32);
    const guid = `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20)}`;
    return {
      row: bare(ctx, `${sub}/providers/Microsoft.Authorization/roleDefinitions/${guid}`, guid, "microsoft.authorization/roledefinitions", {
        roleName: name, type, description: name, assignableScopes: [sub], permissions: [{ actions, notActions: [], dataActions: [], notDataActions: [] }],
      }),
    };
  };
  out.push(role("Safeguard Reader", "CustomRole", ["Microsoft.Resources/subscriptions/read", "Microsoft.Security/*/read"]));
  if (flawed) out.push(role("Legacy Ops Admin", "CustomRole", ["*"]));

  const vault = `${sub}/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv-clinical`;
  out.push({
    row: armRow({ ...ctx, resourceGroup: "rg-backup" }, "Microsoft.RecoveryServices/vaults", "rsv-clinical", {
      sku: { name: "RS0", tier: "Standard" },
      properties: {
        provisioningState: "Succeeded",
        securitySettings: { softDeleteSettings: { softDeleteState: flawed ? "Disabled" : "AlwaysON", softDeleteRetentionPeriodInDays: 14 }, immutabilitySettings: { state: "Unlocked" } },
        redundancySettings: { standardTierStorageRedundancy: flawed ? "LocallyRedundant" : "GeoRedundant", crossRegionRestore: flawed ? "Disabled" : "Enabled" },
        publicNetworkAccess: "Disabled",
      },
    }),
  });
  out.push({
    row: bare(ctx, `${vault}/backupPolicies/DefaultPolicy`, "DefaultPolicy", "microsoft.recoveryservices/vaults/backuppolicies", {
      backupManagementType: "AzureIaasVM", instantRpRetentionRangeInDays: 2, timeZone: "UTC", protectedItemsCount: 0,
      schedulePolicy: { schedulePolicyType: "SimpleSchedulePolicy", scheduleRunFrequency: "Daily", scheduleRunTimes: ["2026-01-01T02:00:00Z"] },
      retentionPolicy: { retentionPolicyType: "LongTermRetentionPolicy", dailySchedule: { retentionTimes: ["2026-01-01T02:00:00Z"], retentionDuration: { count: flawed ? 7 : 35, durationType: "Days" } } },
    }, { location: ctx.location, resourceGroup: "rg-backup" }),
  });
  return out;
}
