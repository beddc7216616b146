// Everything one running simulator holds: the estate, issued credentials and tokens, and fault rules.
import { CredentialStore, type PlatformPrincipal } from "./aws/credentials";
import type { Estate } from "./estate/model";
import { Faults } from "./faults";

export interface SimState {
  estate: Estate;
  credentials: CredentialStore;
  faults: Faults;
  /** Bearer tokens issued by the Entra token endpoint -> expiry (ms). */
  azureTokens: Map<string, number>;
  /** AWS calls served per "service:Operation" (fault-injected ones included), for tests and benchmarks. */
  calls: Map<string, number>;
}

export const DEFAULT_PLATFORM_ACCESS_KEY_ID = "AKIASAFEGUARDSIMPLAT";
export const DEFAULT_PLATFORM_SECRET_ACCESS_KEY = "safeguard/sim/platform/secret/key/0000000";

export function createState(estate: Estate, platform: PlatformPrincipal): SimState {
  return { estate, credentials: new CredentialStore(platform), faults: new Faults(), azureTokens: new Map(), calls: new Map() };
}
