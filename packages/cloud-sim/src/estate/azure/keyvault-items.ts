// What a key vault holds on its data plane (not in ARM or Resource Graph): keys with their rotation
// policies, and secrets. Built from the vault's flaws and an rng seeded by the vault id, so adding them
// draws nothing from the subscription's rng and the rest of the estate stays as it was.
import { createRng, type Rng } from "../random";

/** Key Vault `KeyAttributes`/`SecretAttributes`: times in Unix seconds. */
export interface VaultItemAttributes {
  enabled: boolean;
  exp?: number;
  created: number;
  updated: number;
  recoveryLevel: string;
  recoverableDays: number;
}

export interface VaultRotationPolicy {
  lifetimeActions: Array<{ trigger: { timeAfterCreate?: string; timeBeforeExpiry?: string }; action: { type: "Rotate" | "Notify" } }>;
  attributes: { expiryTime?: string; created: number; updated: number };
}

export interface VaultKey {
  name: string;
  kty: "RSA" | "EC";
  attributes: VaultItemAttributes;
  tags: Record<string, string>;
  /** true for the key behind a certificate (its lifetime is the certificate's) */
  managed?: boolean;
  /** null: never set, so the service answers its default (notify 30 days before expiry, no rotation) */
  rotationPolicy: VaultRotationPolicy | null;
}

export interface VaultSecret {
  name: string;
  contentType: string;
  attributes: VaultItemAttributes;
  tags: Record<string, string>;
  managed?: boolean;
}

export interface VaultDataPlane {
  keys: VaultKey[];
  secrets: VaultSecret[];
  /** the scanner holds no data-plane role on this vault: every data-plane read answers 403 (tests set it) */
  scannerForbidden?: boolean;
}

const DAY = 86_400;

function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
const KEY_NAMES = ["ehr-cmk", "storage-cmk", "tde-protector", "disk-encryption", "backup-cmk", "fhir-signing"];
const SECRET_NAMES = ["sql-admin-password", "fhir-client-secret", "hl7-gateway-key", "smtp-relay-password", "pacs-api-token", "storage-connection-string"];

/**
 * The vault's items. Flaws of the vault decide the data-plane flaws (no rotation: purge protection off or public
 * network; a key without expiry: access policies; a secret without expiry: no private endpoint or no audit logs),
 * so the flaw walk that covers every vault flaw covers these too. Every vault also holds a certificate (a managed
 * key and secret pair) and some an old disabled key without expiry, which the checks must leave out.
 */
export function vaultDataPlane(vaultId: string, flaws: ReadonlySet<string>, referenceMs: number): VaultDataPlane {
  const rng = createRng(`${vaultId.toLowerCase()}/data-plane`);
  const now = Math.floor(referenceMs / 1000);
  const attrs = (ageDays: number, lifetimeDays: number | null, enabled = true): VaultItemAttributes => {
    const created = now - ageDays * DAY;
    return { enabled, ...(lifetimeDays === null ? {} : { exp: created + lifetimeDays * DAY }), created, updated: created, recoveryLevel: "Recoverable", recoverableDays: 90 };
  };
  const rotates = !(flaws.has("no-purge-protection") || flaws.has("public-network"));
  const keyExpiry = !flaws.has("access-policies");
  const secretExpiry = !(flaws.has("no-private-endpoint") || flaws.has("no-audit-logs"));

  const keys: VaultKey[] = [];
  const keyNames = shuffled(rng, KEY_NAMES).slice(0, rng.int(1, 3));
  keyNames.forEach((name, i) => {
    const a = attrs(rng.int(10, 400), keyExpiry || i > 0 ? 365 : null);
    const manual = !rotates && i === 0;
    keys.push({
      name, kty: "RSA", attributes: a, tags: {},
      rotationPolicy: manual ? null : {
        lifetimeActions: [{ trigger: { timeAfterCreate: "P90D" }, action: { type: "Rotate" } }, { trigger: { timeBeforeExpiry: "P30D" }, action: { type: "Notify" } }],
        attributes: { expiryTime: "P1Y", created: a.created, updated: a.created },
      },
    });
  });
  if (rng.chance(0.4)) keys.push({ name: "legacy-key", kty: "RSA", attributes: attrs(900, null, false), tags: { retired: "true" }, rotationPolicy: null });

  const secrets: VaultSecret[] = [];
  const secretNames = shuffled(rng, SECRET_NAMES).slice(0, rng.int(1, 4));
  secretNames.forEach((name, i) => {
    secrets.push({ name, contentType: "text/plain", attributes: attrs(rng.int(5, 300), secretExpiry || i > 0 ? 180 : null), tags: {} });
  });

  // The certificate's key and secret: Key Vault lists them with `managed: true`.
  const certAge = rng.int(30, 300);
  keys.push({ name: "tls-portal", kty: "RSA", attributes: attrs(certAge, 397), tags: {}, managed: true, rotationPolicy: null });
  secrets.push({ name: "tls-portal", contentType: "application/x-pkcs12", attributes: attrs(certAge, 397), tags: {}, managed: true });
  return { keys, secrets };
}
