// The Azure rows of an estate as the Azure collector builds them (docs/architecture.md, "Azure, same rule"): ARG
// rows with the ARM child reads under supplementaryConfiguration, key vaults' data-plane keys (each with its rotation
// policy, certificate-managed keys without) and secrets, and one Safeguard::Azure::Tenant row per subscription with
// Graph's admin userRegistrationDetails. Built from the same functions the endpoints serve, so the catalog test
// (which evaluates these) and the collector tests (which compare what they read with these) share one source.
import type { Estate } from "../estate/model";
import { userRegistrationRows } from "./graph";
import { keyListItems, rotationPolicyBody, secretListItems, vaultHostOf } from "./keyvault";

/** ARM child path (as the estate keys it) -> supplementaryConfiguration key; lists attach their `value` array. */
export const COLLECTED_CHILDREN: Readonly<Record<string, { key: string; list?: true }>> = {
  "auditingSettings/default": { key: "auditingSettings" },
  "transparentDataEncryption/current": { key: "transparentDataEncryption" },
  "blobServices/default": { key: "blobServiceProperties" },
  "providers/microsoft.insights/diagnosticSettings": { key: "diagnosticSettings", list: true },
  configurations: { key: "configurations", list: true },
  "encryptionProtector/current": { key: "encryptionProtector" },
  firewallRules: { key: "firewallRules", list: true },
  "providers/Microsoft.Security/securityContacts": { key: "securityContacts", list: true },
};

/** The collector reads each child only for the types that need it (its CHILD_READS); the estate holds a few more. */
const READ_FOR: Readonly<Record<string, readonly string[]>> = {
  "microsoft.sql/servers": ["auditingSettings", "encryptionProtector", "firewallRules"],
  "microsoft.sql/servers/databases": ["transparentDataEncryption"],
  "microsoft.storage/storageaccounts": ["blobServiceProperties"],
  "microsoft.keyvault/vaults": ["diagnosticSettings"],
  "microsoft.dbformysql/flexibleservers": ["configurations"],
  "microsoft.dbforpostgresql/flexibleservers": ["configurations"],
  "microsoft.resources/subscriptions": ["diagnosticSettings", "securityContacts"],
};

export function collectedAzureRows(estate: Estate): Array<Record<string, unknown> & { id: string; type: string }> {
  const out: Array<Record<string, unknown> & { id: string; type: string }> = [];
  for (const sub of estate.azure) {
    for (const r of sub.resources) {
      if (r.deleted) continue;
      const supplementaryConfiguration: Record<string, unknown> = {};
      for (const [path, body] of Object.entries(r.children)) {
        const child = COLLECTED_CHILDREN[path];
        if (child && READ_FOR[r.row.type]?.includes(child.key)) supplementaryConfiguration[child.key] = child.list ? (body as { value: unknown }).value : body;
      }
      const host = r.dataPlane ? vaultHostOf(r) : null;
      if (r.dataPlane && host) {
        const keys = r.dataPlane.keys;
        supplementaryConfiguration.keys = keyListItems(host, r.dataPlane).map((item, i) => {
          const key = keys[i] as (typeof keys)[number];
          return key.managed ? item : { ...item, rotationPolicy: rotationPolicyBody(host, key) };
        });
        supplementaryConfiguration.secrets = secretListItems(host, r.dataPlane);
      }
      out.push({ ...r.row, supplementaryConfiguration });
    }
    const tenant = estate.azureTenant;
    out.push({
      id: `/subscriptions/${sub.subscriptionId}/providers/safeguard.azure/tenants/${tenant.tenantId}`, name: tenant.tenantId, type: "Safeguard::Azure::Tenant",
      subscriptionId: sub.subscriptionId, tenantId: tenant.tenantId, location: "global", tags: {},
      properties: { tenantId: tenant.tenantId, userRegistrationDetails: userRegistrationRows(tenant.directory, "isAdmin eq true") },
    });
  }
  return out;
}
