// Azure Key Vault vaults.
import { azure, fix } from "../../lib/define";
import { asArray, isObj } from "../../lib/path";
import { error, ev, verdict } from "../../lib/result";
import { C, cite } from "../../rule/citations";
import { approvedPrivateEndpoint } from "./storage";
import { diagnosticCategoryEnabled } from "./diagnostics";

const T = "microsoft.keyvault/vaults";
const P = "configuration.properties";

export const azureKeyVaultChecks = [
  azure({
    id: "azure.keyvault.vault.purge-protection", resourceType: T, severity: "high", citations: cite(C.keyManagement, C.backup),
    title: "Key Vault has soft delete and purge protection", rationale: "Purging a key makes all ePHI encrypted under it unrecoverable; purge protection prevents that.",
    reads: [`${P}.enableSoftDelete`, `${P}.enablePurgeProtection`],
    remediation: fix("Key vault > Properties > Purge protection: Enable.", "az keyvault update -n VAULT --enable-purge-protection true", "purge_protection_enabled = true"),
    evaluate(r) {
      const p = isObj(r.configuration?.properties) ? (r.configuration.properties as Record<string, unknown>) : {};
      // Soft delete is on by default for new vaults and cannot be turned off; absent means on.
      const soft = p.enableSoftDelete !== false;
      return verdict(soft && p.enablePurgeProtection === true, [ev(`${P}.enableSoftDelete`, p.enableSoftDelete ?? null, true), ev(`${P}.enablePurgeProtection`, p.enablePurgeProtection ?? null, true)]);
    },
  }),
  azure({
    id: "azure.keyvault.vault.rbac-authorization", resourceType: T, severity: "medium", citations: C.leastPrivilege,
    title: "Key Vault uses Azure RBAC for data-plane access", rationale: "RBAC gives per-key scoping, PIM and central review, unlike vault access policies.",
    reads: [`${P}.enableRbacAuthorization`],
    remediation: fix("Key vault > Access configuration > Azure role-based access control.", "az keyvault update -n VAULT --enable-rbac-authorization true", "enable_rbac_authorization = true"),
    evaluate(r) {
      const v = isObj(r.configuration?.properties) ? (r.configuration.properties as Record<string, unknown>).enableRbacAuthorization : undefined;
      return verdict(v === true, [ev(`${P}.enableRbacAuthorization`, v ?? null, true)]);
    },
  }),
  azure({
    id: "azure.keyvault.vault.private-endpoint", resourceType: T, severity: "medium", citations: C.publicAccess,
    title: "Key Vault is reached through an approved private endpoint", rationale: "Private endpoints keep key operations off the public Internet.",
    reads: [`${P}.privateEndpointConnections[].properties.privateLinkServiceConnectionState.status`],
    remediation: fix("Key vault > Networking > Private endpoint connections > + Create.", "az network private-endpoint create --group-id vault --private-connection-resource-id ID ...", "resource \"azurerm_private_endpoint\""),
    evaluate: approvedPrivateEndpoint,
  }),
  azure({
    id: "azure.keyvault.vault.network-restricted", resourceType: T, severity: "high", citations: C.publicAccess,
    title: "Key Vault firewall denies public traffic by default", rationale: "A vault open to all networks exposes key operations to credential attacks from anywhere.",
    reads: [`${P}.publicNetworkAccess`, `${P}.networkAcls.defaultAction`],
    remediation: fix("Key vault > Networking > Allow access from: selected networks or disable public access.", "az keyvault update -n VAULT --default-action Deny", "network_acls { default_action = \"Deny\" bypass = \"AzureServices\" }"),
    evaluate(r) {
      const p = isObj(r.configuration?.properties) ? (r.configuration.properties as Record<string, unknown>) : {};
      if (p.publicNetworkAccess === "Disabled") return verdict(true, [ev(`${P}.publicNetworkAccess`, "Disabled")]);
      const d = isObj(p.networkAcls) ? p.networkAcls.defaultAction : undefined;
      return verdict(d === "Deny", [ev(`${P}.networkAcls.defaultAction`, d ?? null, "Deny")]);
    },
  }),
  azure({
    id: "azure.keyvault.vault.audit-logging", resourceType: T, severity: "high", citations: C.auditLogging,
    title: "Key Vault AuditEvent logs go to a diagnostic destination", rationale: "Every key and secret access should be logged and reviewable.",
    reads: ["supplementaryConfiguration.diagnosticSettings[].properties.logs[].category|categoryGroup|enabled"],
    remediation: fix("Key vault > Diagnostic settings > Add: audit (AuditEvent) to Log Analytics.", "az monitor diagnostic-settings create --resource ID -n audit --workspace WS --logs '[{\"categoryGroup\":\"audit\",\"enabled\":true}]'", "resource \"azurerm_monitor_diagnostic_setting\" { enabled_log { category_group = \"audit\" } }"),
    evaluate(r) {
      const ds = r.supplementaryConfiguration.diagnosticSettings;
      if (ds === undefined || ds === null) return error("supplementaryConfiguration.diagnosticSettings not attached");
      const ok = diagnosticCategoryEnabled(asArray(ds), ["AuditEvent"], ["audit", "allLogs"]);
      return verdict(ok, [ev("supplementaryConfiguration.diagnosticSettings[].properties.logs", ok ? "AuditEvent enabled" : `${asArray(ds).length} setting(s), AuditEvent not enabled`, "AuditEvent or audit/allLogs enabled")]);
    },
  }),
];
