// AKS, Container Registry, Recovery Services and custom roles.
import { azure, equalsCI, field, fix, isFalse, isTrue } from "../../lib/define";
import { asArray, isObj, num } from "../../lib/path";
import { error, ev, na, verdict } from "../../lib/result";
import { C } from "../../rule/citations";

const AKS = "microsoft.containerservice/managedclusters";
const ACR = "microsoft.containerregistry/registries";
const VAULT = "microsoft.recoveryservices/vaults";
const POLICY = "microsoft.recoveryservices/vaults/backuppolicies";
const ROLE = "microsoft.authorization/roledefinitions";
const MIN_DAILY_DAYS = 30;

export const azureContainerChecks = [
  azure({
    id: "azure.aks.cluster.rbac-enabled", resourceType: AKS, severity: "high", citations: C.leastPrivilege,
    title: "AKS cluster has Kubernetes RBAC", rationale: "Without RBAC every authenticated user has cluster-admin over workloads and secrets.",
    reads: ["configuration.properties.enableRBAC"],
    remediation: fix("Set at creation: Kubernetes RBAC enabled (recreate the cluster).", "az aks create --enable-aad --enable-azure-rbac ...", "role_based_access_control_enabled = true"),
    evaluate: field({ path: "configuration.properties.enableRBAC", ok: isTrue, expected: true, missing: "fail" }),
  }),
  azure({
    id: "azure.aks.cluster.private-api", resourceType: AKS, severity: "medium", citations: C.publicAccess,
    title: "AKS API server is private or IP-restricted", rationale: "A public API server open to all addresses is exposed to credential attacks.",
    reads: ["configuration.properties.apiServerAccessProfile.enablePrivateCluster", "configuration.properties.apiServerAccessProfile.authorizedIPRanges"],
    remediation: fix("Networking > API server: private cluster or authorized IP ranges.", "az aks update -g RG -n AKS --api-server-authorized-ip-ranges 203.0.113.0/24", "api_server_access_profile { authorized_ip_ranges = [var.admin_cidr] }"),
    evaluate(r) {
      const p = isObj(r.configuration?.properties) ? (r.configuration.properties as Record<string, unknown>) : {};
      const a = isObj(p.apiServerAccessProfile) ? p.apiServerAccessProfile : {};
      const ranges = asArray(a.authorizedIPRanges);
      return verdict(a.enablePrivateCluster === true || (ranges.length > 0 && !ranges.includes("0.0.0.0/0")), [ev("configuration.properties.apiServerAccessProfile.enablePrivateCluster", a.enablePrivateCluster ?? null, true), ev("configuration.properties.apiServerAccessProfile.authorizedIPRanges", ranges)]);
    },
  }),
  azure({
    id: "azure.acr.registry.no-public-access", resourceType: ACR, severity: "medium", citations: C.publicAccess,
    title: "Container registry has public network access disabled", rationale: "Images often embed configuration and secrets; the registry should be private.",
    reads: ["configuration.properties.publicNetworkAccess"],
    remediation: fix("Container registry > Networking > Public access: Disabled (Premium SKU, private endpoint).", "az acr update -n REG --public-network-enabled false", "public_network_access_enabled = false"),
    evaluate: field({ path: "configuration.properties.publicNetworkAccess", ok: equalsCI("Disabled"), expected: "Disabled", missing: "fail" }),
  }),
  azure({
    id: "azure.acr.registry.admin-user-disabled", resourceType: ACR, severity: "medium", citations: C.uniqueIdentity,
    title: "Container registry admin user is disabled", rationale: "The admin user is a shared credential; use Entra identities instead.",
    reads: ["configuration.properties.adminUserEnabled"],
    remediation: fix("Container registry > Access keys: Admin user off.", "az acr update -n REG --admin-enabled false", "admin_enabled = false"),
    evaluate: field({ path: "configuration.properties.adminUserEnabled", ok: isFalse, expected: false, missing: "fail" }),
  }),
  azure({
    id: "azure.recovery.vault.soft-delete", resourceType: VAULT, severity: "high", citations: C.backup,
    title: "Recovery Services vault keeps soft-deleted backups", rationale: "Soft delete stops an attacker or mistake from destroying backups outright.",
    reads: ["configuration.properties.securitySettings.softDeleteSettings.softDeleteState"],
    remediation: fix("Vault > Properties > Security settings: soft delete Enabled (or AlwaysOn).", "az backup vault backup-properties set -n VAULT -g RG --soft-delete-feature-state Enable", "soft_delete_enabled = true"),
    evaluate(r) {
      const p = r.configuration?.properties;
      const ss = isObj(p) && isObj(p.securitySettings) && isObj(p.securitySettings.softDeleteSettings) ? p.securitySettings.softDeleteSettings.softDeleteState : undefined;
      if (ss === undefined) return error("configuration.properties.securitySettings.softDeleteSettings not recorded");
      return verdict(ss === "Enabled" || ss === "AlwaysON" || ss === "AlwaysOn", [ev("configuration.properties.securitySettings.softDeleteSettings.softDeleteState", ss, "Enabled or AlwaysON")]);
    },
  }),
  azure({
    id: "azure.recovery.vault.geo-redundant", resourceType: VAULT, severity: "medium", citations: C.backup,
    title: "Recovery Services vault stores backups geo-redundantly", rationale: "GRS keeps backups restorable after a regional disaster.",
    reads: ["configuration.properties.redundancySettings.standardTierStorageRedundancy"],
    remediation: fix("Vault > Properties > Backup configuration: Geo-redundant (before first backup).", "az backup vault backup-properties set -n VAULT -g RG --backup-storage-redundancy GeoRedundant", "storage_mode_type = \"GeoRedundant\""),
    evaluate: field({ path: "configuration.properties.redundancySettings.standardTierStorageRedundancy", ok: equalsCI("GeoRedundant"), expected: "GeoRedundant", missing: "fail" }),
  }),
  azure({
    id: "azure.recovery.backup-policy.min-retention", resourceType: POLICY, severity: "medium", citations: C.backup,
    title: `Backup policy keeps daily points at least ${MIN_DAILY_DAYS} days`, rationale: "Short retention can expire every clean copy before corruption or ransomware is found.",
    reads: ["configuration.properties.retentionPolicy.dailySchedule.retentionDuration.count|durationType"],
    remediation: fix("Vault > Backup policies > policy > Retention of daily backup point: 30+ days.", "az backup policy set --vault-name VAULT -g RG --policy file://policy.json", "retention_daily { count = 30 }"),
    evaluate(r) {
      const p = r.configuration?.properties;
      const rp = isObj(p) && isObj(p.retentionPolicy) ? p.retentionPolicy : undefined;
      if (!rp) return na("policy has no retention policy (not a VM/SQL schedule policy)");
      const daily = isObj(rp.dailySchedule) && isObj(rp.dailySchedule.retentionDuration) ? rp.dailySchedule.retentionDuration : undefined;
      const count = daily ? num(daily.count) : undefined;
      return verdict(count !== undefined && count >= MIN_DAILY_DAYS, [ev("configuration.properties.retentionPolicy.dailySchedule.retentionDuration.count", count ?? null, `>= ${MIN_DAILY_DAYS}`)]);
    },
  }),
  azure({
    id: "azure.authorization.role-definition.no-custom-owner", resourceType: ROLE, severity: "high", citations: C.leastPrivilege,
    title: "Custom role does not grant all actions (*)", rationale: "A custom role with Actions * is an unreviewed Owner that escapes least-privilege review.",
    reads: ["configuration.properties.type", "configuration.properties.permissions[].actions", "configuration.properties.assignableScopes"],
    remediation: fix("Access control (IAM) > Roles > custom role: list the needed actions instead of *.", "az role definition update --role-definition role.json", "resource \"azurerm_role_definition\" { permissions { actions = [...] } }"),
    evaluate(r) {
      const p = isObj(r.configuration?.properties) ? (r.configuration.properties as Record<string, unknown>) : {};
      if (p.type !== "CustomRole") return na("built-in role", [ev("configuration.properties.type", p.type ?? null)]);
      const star = asArray(p.permissions).some((x) => isObj(x) && asArray(x.actions).includes("*"));
      return verdict(!star, [ev("configuration.properties.permissions[].actions", star ? "*" : "no *", "no *")]);
    },
  }),
];
