// Azure Storage accounts (microsoft.storage/storageaccounts) and their blob service settings.
import { atLeast, azure, equalsCI, field, fix, isFalse, isTrue, oneOfCI } from "../../lib/define";
import { asArray, isObj, num } from "../../lib/path";
import { error, ev, verdict } from "../../lib/result";
import { C, cite } from "../../rule/citations";
import type { ResourceSnapshot } from "../../snapshot";
import type { CheckResult } from "../../types";

const T = "microsoft.storage/storageaccounts";
const P = "configuration.properties";
const BLOB = "supplementaryConfiguration.blobServiceProperties.properties";

const blob = (decide: (props: Record<string, unknown>) => CheckResult) => (r: ResourceSnapshot): CheckResult => {
  const b = r.supplementaryConfiguration.blobServiceProperties;
  if (!isObj(b)) return error("supplementaryConfiguration.blobServiceProperties not attached (blobServices/default)");
  return decide(isObj(b.properties) ? b.properties : {});
};

const azFix = (portal: string, cli: string, tf: string) => fix(`Storage account > ${portal}`, cli, tf);

export const azureStorageChecks = [
  azure({
    id: "azure.storage.account.secure-transfer", resourceType: T, severity: "high", citations: C.encryptionInTransit,
    title: "Storage account requires secure transfer (HTTPS)", rationale: "supportsHttpsTrafficOnly refuses HTTP and unencrypted SMB requests carrying ePHI.",
    reads: [`${P}.supportsHttpsTrafficOnly`],
    remediation: azFix("Configuration > Secure transfer required: Enabled.", "az storage account update -n ACCOUNT -g RG --https-only true", "resource \"azurerm_storage_account\" { https_traffic_only_enabled = true }"),
    evaluate: field({ path: `${P}.supportsHttpsTrafficOnly`, ok: isTrue, expected: true, missing: "fail" }),
  }),
  azure({
    id: "azure.storage.account.min-tls-12", resourceType: T, severity: "medium", citations: C.encryptionInTransit,
    title: "Storage account requires TLS 1.2 or later", rationale: "Older TLS versions are deprecated and allow downgrade attacks.",
    reads: [`${P}.minimumTlsVersion`],
    remediation: azFix("Configuration > Minimum TLS version: 1.2.", "az storage account update -n ACCOUNT -g RG --min-tls-version TLS1_2", "min_tls_version = \"TLS1_2\""),
    evaluate: field({ path: `${P}.minimumTlsVersion`, ok: oneOfCI(["TLS1_2", "TLS1_3"]), expected: "TLS1_2", missing: "fail" }),
  }),
  azure({
    id: "azure.storage.account.no-public-blob-access", resourceType: T, severity: "high", citations: C.publicAccess,
    title: "Storage account forbids anonymous blob access", rationale: "allowBlobPublicAccess lets any container be made anonymously readable.",
    reads: [`${P}.allowBlobPublicAccess`],
    remediation: azFix("Configuration > Allow Blob anonymous access: Disabled.", "az storage account update -n ACCOUNT -g RG --allow-blob-public-access false", "allow_nested_items_to_be_public = false"),
    evaluate: field({ path: `${P}.allowBlobPublicAccess`, ok: isFalse, expected: false, missing: "fail" }),
  }),
  azure({
    id: "azure.storage.account.default-network-deny", resourceType: T, severity: "high", citations: C.publicAccess,
    title: "Storage account network default action is Deny", rationale: "With default Allow, the account accepts connections from any network.",
    reads: [`${P}.networkAcls.defaultAction`, `${P}.publicNetworkAccess`],
    remediation: azFix("Networking > Public network access: Enabled from selected networks or Disabled.", "az storage account update -n ACCOUNT -g RG --default-action Deny", "network_rules { default_action = \"Deny\" }"),
    evaluate(r) {
      const props = isObj(r.configuration?.properties) ? (r.configuration.properties as Record<string, unknown>) : {};
      if (props.publicNetworkAccess === "Disabled") return verdict(true, [ev(`${P}.publicNetworkAccess`, "Disabled")]);
      const acl = isObj(props.networkAcls) ? props.networkAcls.defaultAction : undefined;
      return verdict(acl === "Deny", [ev(`${P}.networkAcls.defaultAction`, acl ?? null, "Deny")]);
    },
  }),
  azure({
    id: "azure.storage.account.cmk-encryption", resourceType: T, severity: "medium", citations: cite(C.encryptionAtRest, C.keyManagement),
    title: "Storage account encrypts with a customer-managed key", rationale: "A Key Vault key puts decryption under the organisation's control and revocation.",
    reads: [`${P}.encryption.keySource`],
    remediation: azFix("Encryption > Customer-managed keys.", "az storage account update -n ACCOUNT -g RG --encryption-key-source Microsoft.Keyvault --encryption-key-vault URI --encryption-key-name KEY", "resource \"azurerm_storage_account_customer_managed_key\""),
    evaluate: field({ path: `${P}.encryption.keySource`, ok: equalsCI("Microsoft.Keyvault"), expected: "Microsoft.Keyvault", missing: "fail" }),
  }),
  azure({
    id: "azure.storage.account.infrastructure-encryption", resourceType: T, severity: "low", citations: C.encryptionAtRest,
    title: "Storage account has infrastructure (double) encryption", rationale: "A second, independent encryption layer protects ePHI if one algorithm or key is compromised.",
    reads: [`${P}.encryption.requireInfrastructureEncryption`],
    remediation: azFix("Set at creation: Encryption > Enable infrastructure encryption.", "az storage account create ... --require-infrastructure-encryption", "infrastructure_encryption_enabled = true"),
    evaluate: field({ path: `${P}.encryption.requireInfrastructureEncryption`, ok: isTrue, expected: true, missing: "fail" }),
  }),
  azure({
    id: "azure.storage.account.private-endpoint", resourceType: T, severity: "medium", citations: C.publicAccess,
    title: "Storage account is reached through an approved private endpoint", rationale: "Private endpoints keep ePHI traffic on the Microsoft backbone and off public endpoints.",
    reads: [`${P}.privateEndpointConnections[].properties.privateLinkServiceConnectionState.status`],
    remediation: azFix("Networking > Private endpoint connections > + Private endpoint.", "az network private-endpoint create --group-id blob --private-connection-resource-id ID ...", "resource \"azurerm_private_endpoint\""),
    evaluate: (r) => approvedPrivateEndpoint(r),
  }),
  azure({
    id: "azure.storage.account.shared-key-disabled", resourceType: T, severity: "medium", citations: C.uniqueIdentity,
    title: "Storage account disallows Shared Key authorisation", rationale: "Account keys are shared secrets with full access; Entra ID auth identifies each caller.",
    reads: [`${P}.allowSharedKeyAccess`],
    remediation: azFix("Configuration > Allow storage account key access: Disabled.", "az storage account update -n ACCOUNT -g RG --allow-shared-key-access false", "shared_access_key_enabled = false"),
    evaluate: field({ path: `${P}.allowSharedKeyAccess`, ok: isFalse, expected: false, missing: "fail" }),
  }),
  azure({
    id: "azure.storage.account.key-expiration", resourceType: T, severity: "medium", citations: C.credentialLifecycle,
    title: "Storage account keys must be rotated within 90 days", rationale: "A key expiration policy flags account keys older than the rotation period.",
    reads: [`${P}.keyPolicy.keyExpirationPeriodInDays`],
    remediation: azFix("Access keys > Set rotation reminder: 90 days.", "az storage account update -n ACCOUNT -g RG --key-exp-days 90", "sas_policy / key rotation reminder"),
    evaluate: field({ path: `${P}.keyPolicy.keyExpirationPeriodInDays`, ok: (v) => (num(v) ?? 0) > 0 && (num(v) ?? 0) <= 90, expected: "1..90", missing: "fail" }),
  }),
  azure({
    id: "azure.storage.account.geo-redundant", resourceType: T, severity: "medium", citations: C.availability,
    title: "Storage account replicates to a second region", rationale: "GRS/GZRS keep a copy of ePHI available through a regional outage.",
    reads: ["configuration.sku.name"],
    remediation: azFix("Configuration > Replication: GRS, RA-GRS, GZRS or RA-GZRS.", "az storage account update -n ACCOUNT -g RG --sku Standard_GZRS", "account_replication_type = \"GZRS\""),
    evaluate: field({ path: "configuration.sku.name", ok: oneOfCI(["Standard_GRS", "Standard_RAGRS", "Standard_GZRS", "Standard_RAGZRS"]), expected: "a geo-redundant SKU", missing: "error" }),
  }),
  azure({
    id: "azure.storage.account.blob-versioning", resourceType: T, severity: "medium", citations: cite(C.integrity, C.backup),
    title: "Blob versioning is enabled", rationale: "Versioning keeps overwritten or deleted blobs recoverable.",
    reads: [`${BLOB}.isVersioningEnabled`],
    remediation: azFix("Data protection > Enable versioning for blobs.", "az storage account blob-service-properties update --account-name ACCOUNT -g RG --enable-versioning true", "blob_properties { versioning_enabled = true }"),
    evaluate: blob((b) => verdict(b.isVersioningEnabled === true, [ev(`${BLOB}.isVersioningEnabled`, b.isVersioningEnabled ?? null, true)])),
  }),
  azure({
    id: "azure.storage.account.blob-soft-delete", resourceType: T, severity: "medium", citations: C.backup,
    title: "Blob soft delete keeps deleted blobs at least 7 days", rationale: "Soft delete is the first line of recovery from accidental or malicious deletion.",
    reads: [`${BLOB}.deleteRetentionPolicy.enabled|days`],
    remediation: azFix("Data protection > Enable soft delete for blobs: 7+ days.", "az storage account blob-service-properties update --account-name ACCOUNT -g RG --enable-delete-retention true --delete-retention-days 7", "blob_properties { delete_retention_policy { days = 7 } }"),
    evaluate: blob((b) => {
      const p = isObj(b.deleteRetentionPolicy) ? b.deleteRetentionPolicy : {};
      return verdict(p.enabled === true && atLeast(7)(p.days), [ev(`${BLOB}.deleteRetentionPolicy`, { enabled: p.enabled ?? null, days: p.days ?? null }, { enabled: true, days: ">= 7" })]);
    }),
  }),
  azure({
    id: "azure.storage.account.container-soft-delete", resourceType: T, severity: "medium", citations: C.backup,
    title: "Container soft delete is enabled", rationale: "Deleting a container deletes every blob in it; soft delete makes that recoverable.",
    reads: [`${BLOB}.containerDeleteRetentionPolicy.enabled`],
    remediation: azFix("Data protection > Enable soft delete for containers.", "az storage account blob-service-properties update --account-name ACCOUNT -g RG --enable-container-delete-retention true --container-delete-retention-days 7", "blob_properties { container_delete_retention_policy { days = 7 } }"),
    evaluate: blob((b) => {
      const p = isObj(b.containerDeleteRetentionPolicy) ? b.containerDeleteRetentionPolicy : {};
      return verdict(p.enabled === true, [ev(`${BLOB}.containerDeleteRetentionPolicy.enabled`, p.enabled ?? null, true)]);
    }),
  }),
];

/** At least one private endpoint connection in state Approved (shared by several Azure types). */
export function approvedPrivateEndpoint(r: ResourceSnapshot): CheckResult {
  const props = isObj(r.configuration?.properties) ? (r.configuration.properties as Record<string, unknown>) : {};
  const states = asArray(props.privateEndpointConnections).map((c) => {
    const inner = isObj(c) && isObj(c.properties) ? c.properties : c;
    const st = isObj(inner) && isObj(inner.privateLinkServiceConnectionState) ? inner.privateLinkServiceConnectionState.status : undefined;
    return st ?? null;
  });
  return verdict(states.includes("Approved"), [ev("configuration.properties.privateEndpointConnections[].privateLinkServiceConnectionState.status", states, "Approved")]);
}
