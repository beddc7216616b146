// Builds one Azure subscription: Network Watchers, Defender pricings and activity-log alerts as the
// skeleton, then filler resources (same flaw walk as AWS: first compliant, then each flaw, then share).
import { flawsFor } from "../aws/stamp";
import type { AzureResource, AzureSubscription } from "../model";
import type { Rng } from "../random";
import { aksSpec, cosmosSpec, diskSpec, flowLogSpec, mysqlSpec, nicSpec, nsgSpec, postgresSpec, registrySpec, vmSpec, webAppSpec } from "./compute";
import { LOCATIONS, platformDrafts } from "./platform";
import type { AzureContext, AzureDraft, AzureTypeSpec } from "./resources";
import { keyVaultSpec, sqlServerSpec, storageAccountSpec } from "./resources";

export const AZURE_SPECS: readonly AzureTypeSpec[] = [storageAccountSpec, sqlServerSpec, keyVaultSpec, diskSpec, vmSpec, nicSpec, nsgSpec, flowLogSpec, webAppSpec, postgresSpec, mysqlSpec, cosmosSpec, aksSpec, registrySpec];
const NAMES = ["Clinical Production", "Patient Portal", "Data Platform", "Shared Services", "Research"];

export interface AzureSubscriptionOptions {
  index: number;
  tenantId: string;
  resources: number;
  share: number;
  referenceMs: number;
}

export function stampAzure(ctx: AzureContext, draft: AzureDraft, changedTime?: string): AzureResource {
  const changed = changedTime ?? new Date(Math.floor((ctx.referenceMs - ctx.rng.next() * 60 * 86_400_000) / 1000) * 1000).toISOString();
  const props = (draft.row.properties ?? {}) as Record<string, unknown>;
  draft.row.properties = { ...props, changedTime: changed };
  return { row: draft.row, children: draft.children ?? {}, ...(draft.dataPlane ? { dataPlane: draft.dataPlane } : {}), deleted: false };
}

export function azureContextFor(rng: Rng, sub: { subscriptionId: string; tenantId: string }, referenceMs: number): AzureContext {
  return { rng, subscriptionId: sub.subscriptionId, tenantId: sub.tenantId, referenceMs, location: LOCATIONS[0] as string, resourceGroup: "rg-clinical-prod", used: new Set() };
}

export function buildAzureSubscription(rng: Rng, opts: AzureSubscriptionOptions): AzureSubscription {
  const h = rng.hex(32);
  const subscriptionId = `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-9${h.slice(17, 20)}-${h.slice(20, 32)}`;
  const ctx = azureContextFor(rng, { subscriptionId, tenantId: opts.tenantId }, opts.referenceMs);
  const resources: AzureResource[] = [];
  const add = (d: AzureDraft) => resources.push(stampAzure(ctx, d));
  const share = opts.share;

  const displayName = NAMES[opts.index % NAMES.length] as string;
  // Subscription 0 is the clean one; odd subscriptions carry the subscription-level problems.
  for (const d of platformDrafts(ctx, displayName, share > 0 && opts.index % 2 === 1, share)) add(d);

  const seen = new Map<string, number>();
  const totalWeight = AZURE_SPECS.reduce((s, x) => s + x.weight, 0);
  const addOne = (spec: AzureTypeSpec) => {
    ctx.location = rng.chance(0.7) ? (LOCATIONS[0] as string) : rng.pick(LOCATIONS.slice(0, 2));
    ctx.resourceGroup = rng.pick(["rg-clinical-prod", "rg-portal-prod", "rg-data-prod", "rg-shared", "rg-dev-sandbox"]);
    const n = seen.get(spec.type) ?? 0;
    seen.set(spec.type, n + 1);
    const drafts = spec.build(ctx, flawsFor(rng, spec.flaws, n, share));
    for (const d of Array.isArray(drafts) ? drafts : [drafts]) add(d);
  };
  for (const spec of AZURE_SPECS) for (let i = 0; i <= spec.flaws.length && resources.length < opts.resources; i++) addOne(spec);
  while (resources.length < opts.resources) {
    let r = rng.next() * totalWeight;
    addOne(AZURE_SPECS.find((s) => (r -= s.weight) < 0) ?? (AZURE_SPECS[0] as AzureTypeSpec));
  }
  resources.sort((a, b) => (a.row.id.toLowerCase() < b.row.id.toLowerCase() ? -1 : 1));
  return {
    subscriptionId, displayName, tenantId: opts.tenantId, resources,
    byId: new Map(resources.map((r) => [r.row.id.toLowerCase(), r])),
    changes: [],
  };
}
