// Azure snapshots built from the simulator's estate in the shape the Azure collector gives them (docs/architecture.md,
// "Azure, same rule"): ARG rows + the ARM child reads under supplementaryConfiguration, key vaults' data-plane keys
// (each with its rotation policy) and secrets, and one Safeguard::Azure::Tenant row per subscription with Graph's
// admin userRegistrationDetails. The bodies come from the same functions the simulator's endpoints serve.
import { fromAzureGraphRow, type ResourceSnapshot } from "@safeguard/controls/snapshot";
import { userRegistrationRows } from "../src/azure/graph";
import { keyListItems, rotationPolicyBody, secretListItems, vaultHostOf } from "../src/azure/keyvault";
import type { Estate } from "../src/estate/model";

/** ARM child path (as the estate keys it) -> supplementaryConfiguration key; lists attach their `value` array. */
const CHILD_KEYS: Record<string, { key: string; list?: true }> = {
  "auditingSettings/default": { key: "auditingSettings" },
  "transparentDataEncryption/current": { key: "transparentDataEncryption" },
  "blobServices/default": { key: "blobServiceProperties" },
  "providers/microsoft.insights/diagnosticSettings": { key: "diagnosticSettings", list: true },
  configurations: { key: "configurations", list: true },
  "encryptionProtector/current": { key: "encryptionProtector" },
  firewallRules: { key: "firewallRules", list: true },
  "providers/Microsoft.Security/securityContacts": { key: "securityContacts", list: true },
};

export function azureSnapshots(estate: Estate): ResourceSnapshot[] {
  const out: ResourceSnapshot[] = [];
  const normalise = (row: unknown, what: string) => {
    const n = fromAzureGraphRow(row);
    if (!n.ok) throw new Error(`${what}: ${n.reason}`);
    out.push(n.snapshot);
  };
  for (const sub of estate.azure) {
    for (const r of sub.resources) {
      if (r.deleted) continue;
      const supplementaryConfiguration: Record<string, unknown> = {};
      for (const [path, body] of Object.entries(r.children)) {
        const child = CHILD_KEYS[path];
        if (child) supplementaryConfiguration[child.key] = child.list ? (body as { value: unknown }).value : body;
      }
      const host = r.dataPlane ? vaultHostOf(r) : null;
      if (r.dataPlane && host) {
        const plane = r.dataPlane;
        supplementaryConfiguration.keys = keyListItems(host, plane).map((item, i) =>
          plane.keys[i]?.managed ? item : { ...item, rotationPolicy: rotationPolicyBody(host, plane.keys[i] as (typeof plane.keys)[number]) });
        supplementaryConfiguration.secrets = secretListItems(host, plane);
      }
      normalise({ ...r.row, supplementaryConfiguration }, r.row.id);
    }
    const tenant = estate.azureTenant;
    normalise({
      id: `/subscriptions/${sub.subscriptionId}/providers/safeguard.azure/tenants/${tenant.tenantId}`, name: tenant.tenantId, type: "Safeguard::Azure::Tenant",
      subscriptionId: sub.subscriptionId, tenantId: tenant.tenantId, location: "global", tags: {},
      properties: { tenantId: tenant.tenantId, userRegistrationDetails: userRegistrationRows(tenant.directory, "isAdmin eq true") },
    }, "tenant row");
  }
  return out;
}
