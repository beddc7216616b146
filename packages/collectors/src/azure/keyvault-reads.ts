// Key Vault data plane reads (docs/architecture.md, "Azure, same rule"): a vault's keys, each with its rotation
// policy, and its secrets, attached as supplementaryConfiguration.keys / .secrets in the REST wire shape.
//
// Plain GETs rather than @azure/keyvault-keys / -secrets: the contract stores the wire bodies (kid, attributes.exp
// in Unix seconds, lifetimeActions[].action.type), which those clients map to their own models (expiresOn: Date,
// action: "Rotate"); and their challenge-based auth refuses a vault whose host is not under the challenge's
// resource (*.vault.azure.net) unless verification is switched off, which is how a simulator is reached. The
// token is asked for the Key Vault resource directly, as the challenge would name it.
import type { TokenCredential } from "@azure/identity";
import type { ResourceSnapshot } from "@safeguard/controls/snapshot";
import type { CollectError } from "../source";
import { mapConcurrent } from "../concurrency";
import { BearerReader, describeError } from "./rest-reader";

const SCOPE = "https://vault.azure.net/.default";
const API_VERSION = "7.4";
/** Rotation policies read at once per vault (vaults themselves are already read a few at a time). */
const POLICY_CONCURRENCY = 4;

const itemName = (item: Record<string, unknown>): string => String(item.kid ?? item.id ?? "").split("/").filter(Boolean).pop() ?? "";

export class KeyVaultReader {
  private readonly rest: BearerReader;

  /**
   * `endpointOverride`: every vault is read at `{endpointOverride}/{vault host}` instead of its own `vaultUri`
   * (a simulator serves all vaults from one address). Unset in production: each vault's own host.
   */
  constructor(
    credential: TokenCredential,
    private readonly endpointOverride?: string,
  ) {
    this.rest = new BearerReader(credential, SCOPE);
  }

  private baseOf(vaultUri: string): string {
    const url = new URL(vaultUri);
    return this.endpointOverride ? `${this.endpointOverride.replace(/\/+$/, "")}/${url.host}` : url.origin;
  }

  /** Attaches keys (with rotation policies) and secrets to a vault snapshot; a failed read attaches null. */
  async attach(s: ResourceSnapshot): Promise<CollectError[]> {
    const errors: CollectError[] = [];
    const fail = (api: string, error: unknown, what = s.name) => {
      const e = describeError(error);
      errors.push({ scope: s.accountId, api: `keyvault:GET ${api}`, code: e.code, message: `${what}: ${e.message}` });
    };
    const vaultUri = (s.configuration?.properties as { vaultUri?: unknown } | undefined)?.vaultUri;
    let base: string;
    try {
      base = this.baseOf(String(vaultUri));
    } catch (error) {
      s.supplementaryConfiguration.keys = null;
      s.supplementaryConfiguration.secrets = null;
      fail("/keys", new Error(`no usable properties.vaultUri (${String(vaultUri)}): ${(error as Error).message}`));
      return errors;
    }
    try {
      const keys = (await this.rest.list(`${base}/keys?api-version=${API_VERSION}`)) as Array<Record<string, unknown>>;
      // A certificate's key (managed: true) lives and rotates with the certificate; its policy is not the owner's.
      await mapConcurrent(keys.filter((k) => k.managed !== true), POLICY_CONCURRENCY, async (key) => {
        const name = itemName(key);
        try {
          const policy = await this.rest.get(`${base}/keys/${encodeURIComponent(name)}/rotationpolicy?api-version=${API_VERSION}`);
          if (policy === null) throw Object.assign(new Error("rotation policy not found (key deleted since it was listed?)"), { code: "KeyNotFound" });
          key.rotationPolicy = policy;
        } catch (error) {
          key.rotationPolicy = null;
          fail("/keys/{name}/rotationpolicy", error, `${s.name}/${name}`);
        }
      });
      s.supplementaryConfiguration.keys = keys;
    } catch (error) {
      s.supplementaryConfiguration.keys = null;
      fail("/keys", error);
    }
    try {
      s.supplementaryConfiguration.secrets = await this.rest.list(`${base}/secrets?api-version=${API_VERSION}`);
    } catch (error) {
      s.supplementaryConfiguration.secrets = null;
      fail("/secrets", error);
    }
    return errors;
  }
}
