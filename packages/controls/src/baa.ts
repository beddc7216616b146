// BAA coverage: only services on the provider's HIPAA-eligible list may store, process or transmit ePHI.
import { BAA_SERVICES } from "./baa/services";
import type { BaaService } from "./baa/types";
import type { Provider } from "./snapshot";

export { BAA_SERVICES };
export type { BaaService };

/** Where each list came from and how recent it is. */
export const BAA_LISTS = {
  aws: { source: "https://aws.amazon.com/compliance/hipaa-eligible-services-reference/", listDate: "2026-05-22", services: BAA_SERVICES.filter((s) => s.provider === "aws").length },
  azure: { source: "https://learn.microsoft.com/en-us/azure/azure-government/compliance/azure-services-in-fedramp-auditscope", listDate: "2026-02-25", services: BAA_SERVICES.filter((s) => s.provider === "azure").length },
} as const;

// Safeguard's own synthetic types describe account settings, not a service that holds data. Case-insensitive:
// Azure types arrive lower-cased (safeguard::azure::tenant).
const SYNTHETIC = /^Safeguard::/i;
// Control-plane configuration is not a service that stores, processes or transmits ePHI, so the BAA
// question does not arise for it: Azure subscriptions/resource groups, and identity configuration
// (IAM users, roles, groups and policies; Azure role and policy assignments). Flagging them as
// "outside the BAA" would bury the real gaps (an unlisted data service holding PHI) in noise.
const AZURE_CONTROL_PLANE = new Set(["microsoft.resources/subscriptions", "microsoft.resources/resourcegroups"]);
const IDENTITY_CONFIGURATION = /^(AWS::IAM::|microsoft\.authorization\/)/i;

interface Matcher { exact: Map<string, BaaService>; prefixes: Array<[string, BaaService]> }
function build(provider: Provider): Matcher {
  const exact = new Map<string, BaaService>();
  const prefixes: Array<[string, BaaService]> = [];
  for (const s of BAA_SERVICES) {
    if (s.provider !== provider) continue;
    for (const p of s.resourceTypePrefixes) {
      const key = p.toLowerCase();
      if (key.endsWith("*")) prefixes.push([key.slice(0, -1), s]);
      else {
        exact.set(key, s);
        // A listed type covers its child types (microsoft.sql/servers -> microsoft.sql/servers/databases).
        if (provider === "azure") prefixes.push([`${key}/`, s]);
      }
    }
  }
  prefixes.sort((a, b) => b[0].length - a[0].length);
  return { exact, prefixes };
}
const matchers: Record<Provider, Matcher> = { aws: build("aws"), azure: build("azure") };
// Per provider, by resource type as given: the answer for a type never changes, and the engine asks per resource.
const memo: Record<Provider, Map<string, BaaService | null>> = { aws: new Map(), azure: new Map() };
const coveredMemo: Record<Provider, Map<string, boolean>> = { aws: new Map(), azure: new Map() };
// Types Safeguard's collectors build from describe APIs, mapped to the Config type of the same service.
const ALIASES: Record<string, string> = { "AWS::EC2::Snapshot": "AWS::EC2::Volume" };

/** The BAA-listed service a resource type belongs to, or null when none covers it. */
export function baaServiceFor(provider: Provider, resourceType: string): BaaService | null {
  const hit = memo[provider].get(resourceType);
  if (hit !== undefined) return hit;
  const t = (ALIASES[resourceType] ?? resourceType).toLowerCase();
  const m = matchers[provider];
  let found: BaaService | null = m.exact.get(t) ?? null;
  if (!found) for (const [prefix, s] of m.prefixes) if (t.startsWith(prefix)) { found = s; break; }
  memo[provider].set(resourceType, found);
  return found;
}

export function isBaaCovered(provider: Provider, resourceType: string): boolean {
  let covered = coveredMemo[provider].get(resourceType);
  if (covered === undefined) {
    covered = SYNTHETIC.test(resourceType) || AZURE_CONTROL_PLANE.has(resourceType.toLowerCase()) || IDENTITY_CONFIGURATION.test(resourceType) || baaServiceFor(provider, resourceType) !== null;
    coveredMemo[provider].set(resourceType, covered);
  }
  return covered;
}

const providerOf = (t: string): Provider => (t.startsWith("AWS::") || t.startsWith("Safeguard::AWS::") ? "aws" : "azure");

/** Of the resource types in use, those no BAA-listed service covers (sorted, unique). */
export function servicesNotCovered(resourceTypes: Iterable<string>): Array<{ provider: Provider; resourceType: string }> {
  const out = new Map<string, { provider: Provider; resourceType: string }>();
  for (const t of resourceTypes) {
    const provider = providerOf(t);
    if (!isBaaCovered(provider, t)) out.set(t, { provider, resourceType: t });
  }
  return [...out.values()].sort((a, b) => a.resourceType.localeCompare(b.resourceType));
}
