// Key Vault keys and secrets (data plane: not in ARM or Resource Graph). The collector attaches the vault's
// items under supplementaryConfiguration (docs/architecture.md): `keys` (GET {vault}/keys items, each with
// `rotationPolicy` = GET {vault}/keys/{name}/rotationpolicy) and `secrets` (GET {vault}/secrets items).
// Absent = not collected (NOT_APPLICABLE, e.g. a snapshot recorded before the collector read it), null = the read failed (ERROR).
import { azure, fix } from "../../lib/define";
import { asArray, isObj, lower, type Obj } from "../../lib/path";
import { error, ev, na, verdict } from "../../lib/result";
import { C, cite } from "../../rule/citations";
import type { ResourceSnapshot } from "../../snapshot";
import type { CheckResult } from "../../types";

const T = "microsoft.keyvault/vaults";
const SUPP = "supplementaryConfiguration";

/** The item's name: the last path segment of its kid / id (https://vault.vault.azure.net/keys/NAME). */
const itemName = (o: Obj): string => {
  const id = typeof o.kid === "string" ? o.kid : typeof o.id === "string" ? o.id : "";
  return id.split("/").filter(Boolean).pop() ?? "(unnamed)";
};

/**
 * The vault's enabled, customer-owned items of one kind, or a verdict when they cannot be judged.
 * Items with `managed: true` belong to a certificate; their lifetime is the certificate's, not the vault owner's.
 */
function vaultItems(r: ResourceSnapshot, kind: "keys" | "secrets"): Obj[] | CheckResult {
  const v = r.supplementaryConfiguration[kind];
  if (v === undefined) return na(`not collected: Key Vault ${kind} (data plane) are missing from this snapshot (recorded before the collector read them)`);
  if (v === null) return error(`Key Vault ${kind} could not be listed (${SUPP}.${kind} is null; the scanner needs list permission on the data plane)`);
  const items = asArray(v).filter(isObj).filter((o) => o.managed !== true && !(isObj(o.attributes) && o.attributes.enabled === false));
  if (items.length === 0) return na(`vault holds no enabled ${kind}`, [ev(`${SUPP}.${kind}`, asArray(v).length)]);
  return items;
}

const hasExpiry = (o: Obj): boolean => isObj(o.attributes) && typeof o.attributes.exp === "number";

function expirationCheck(kind: "keys" | "secrets") {
  return (r: ResourceSnapshot): CheckResult => {
    const items = vaultItems(r, kind);
    if (!Array.isArray(items)) return items;
    const missing = items.filter((o) => !hasExpiry(o)).map(itemName);
    return verdict(missing.length === 0, [ev(`${SUPP}.${kind}[].attributes.exp`, missing.length === 0 ? `${items.length} enabled ${kind}, all with an expiry` : { withoutExpiry: missing }, "set on every enabled item")]);
  };
}

/** Does the rotation policy rotate automatically (a lifetime action of type Rotate)? */
const rotates = (policy: unknown): boolean =>
  isObj(policy) && asArray(policy.lifetimeActions).some((a) => isObj(a) && isObj(a.action) && lower(a.action.type) === "rotate");

export const azureKeyVaultItemChecks = [
  azure({
    id: "azure.keyvault.vault.keys-rotation-policy", resourceType: T, severity: "high", citations: cite(C.keyManagement, C.credentialLifecycle),
    title: "Every Key Vault key has an automatic rotation policy",
    rationale: "Rotating keys limits how much ePHI one compromised key version can expose.",
    reads: [`${SUPP}.keys[].kid|managed|attributes.enabled`, `${SUPP}.keys[].rotationPolicy.lifetimeActions[].action.type`],
    remediation: fix("Key vault > Keys > key > Rotation policy: enable auto-rotation (e.g. 90 days after creation).", "az keyvault key rotation-policy update --vault-name VAULT -n KEY --value '{\"lifetimeActions\":[{\"trigger\":{\"timeAfterCreate\":\"P90D\"},\"action\":{\"type\":\"Rotate\"}}],\"attributes\":{\"expiryTime\":\"P1Y\"}}'", "resource \"azurerm_key_vault_key\" { rotation_policy { automatic { time_after_creation = \"P90D\" }  expire_after = \"P1Y\" } }"),
    evaluate(r) {
      const items = vaultItems(r, "keys");
      if (!Array.isArray(items)) return items;
      if (items.some((o) => o.rotationPolicy === undefined)) return na("not collected: key rotation policies (GetKeyRotationPolicy) are missing from this snapshot (recorded before the collector read them)");
      const unreadable = items.filter((o) => o.rotationPolicy === null).map(itemName);
      if (unreadable.length > 0) return error(`rotation policy could not be read for key(s) ${unreadable.join(", ")}`);
      const manual = items.filter((o) => !rotates(o.rotationPolicy)).map(itemName);
      return verdict(manual.length === 0, [ev(`${SUPP}.keys[].rotationPolicy.lifetimeActions[].action.type`, manual.length === 0 ? `${items.length} key(s), all rotate` : { withoutRotate: manual }, "Rotate")]);
    },
  }),
  azure({
    id: "azure.keyvault.vault.keys-expiration", resourceType: T, severity: "high", citations: C.credentialLifecycle,
    title: "Every enabled Key Vault key has an expiration date",
    rationale: "A key with no expiry is never forced through review or rotation.",
    reads: [`${SUPP}.keys[].kid|managed|attributes.enabled|attributes.exp`],
    remediation: fix("Key vault > Keys > key > current version: set Expiration date.", "az keyvault key set-attributes --vault-name VAULT -n KEY --expires 2027-01-01T00:00:00Z", "resource \"azurerm_key_vault_key\" { expiration_date = \"2027-01-01T00:00:00Z\" }"),
    evaluate: expirationCheck("keys"),
  }),
  azure({
    id: "azure.keyvault.vault.secrets-expiration", resourceType: T, severity: "medium", citations: C.credentialLifecycle,
    title: "Every enabled Key Vault secret has an expiration date",
    rationale: "Secrets (passwords, connection strings to ePHI stores) without an expiry live forever once leaked.",
    reads: [`${SUPP}.secrets[].id|managed|attributes.enabled|attributes.exp`],
    remediation: fix("Key vault > Secrets > secret > current version: set Expiration date.", "az keyvault secret set-attributes --vault-name VAULT -n SECRET --expires 2027-01-01T00:00:00Z", "resource \"azurerm_key_vault_secret\" { expiration_date = \"2027-01-01T00:00:00Z\" }"),
    evaluate: expirationCheck("secrets"),
  }),
];
