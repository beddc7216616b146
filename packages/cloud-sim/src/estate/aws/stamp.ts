// Turns a generator's draft into a configuration item and picks flaws for the n-th resource of a type.
import type { ConfigItem } from "../model";
import type { Rng } from "../random";
import type { AwsContext, AwsTypeSpec, Draft } from "./context";
import { isoDaysAgo } from "./context";

export function toConfigItem(ctx: AwsContext, spec: AwsTypeSpec, draft: Draft, captureTime?: string): ConfigItem {
  const capture = captureTime ?? isoDaysAgo(ctx, 0.5, 60);
  return {
    resourceType: draft.resourceType ?? spec.type,
    resourceId: draft.resourceId,
    resourceName: draft.resourceName,
    arn: draft.arn,
    accountId: ctx.accountId,
    awsRegion: draft.region ?? (spec.global ? "global" : ctx.region),
    availabilityZone: draft.availabilityZone ?? "Not Applicable",
    resourceCreationTime: draft.createdAt ?? null,
    configurationItemCaptureTime: capture,
    configurationItemStatus: "OK",
    resourceDeletionTime: null,
    configurationStateId: Date.parse(capture),
    configuration: draft.configuration,
    supplementaryConfiguration: draft.supplementaryConfiguration ?? {},
    tags: draft.tags ?? {},
    relationships: draft.relationships ?? [],
  };
}

export function buildItems(ctx: AwsContext, spec: AwsTypeSpec, flaws: ReadonlySet<string>, captureTime?: string): ConfigItem[] {
  const drafts = spec.build(ctx, flaws);
  return (Array.isArray(drafts) ? drafts : [drafts]).map((d) => toConfigItem(ctx, spec, d, captureTime));
}

/**
 * Flaws for the n-th resource of a type in an account. The first is compliant and the next ones walk
 * through every flaw once (so even a small estate shows each check passing and failing); after that
 * a resource is misconfigured with probability `share`.
 */
export function flawsFor(rng: Rng, flaws: readonly string[], n: number, share: number): Set<string> {
  if (share <= 0 || flaws.length === 0 || n === 0) return new Set();
  if (n <= flaws.length) return new Set([flaws[n - 1] as string]);
  if (!rng.chance(share)) return new Set();
  const picked = new Set([rng.pick(flaws)]);
  if (rng.chance(0.2)) picked.add(rng.pick(flaws));
  return picked;
}
