// Shared bits of the describe APIs: timestamps go on the wire as epoch seconds (the SDK's default for
// awsJson timestamp members), page sizes are validated the way each service words it, and live items of
// one type are listed in a stable order a paging cursor can resume.
import type { AwsAccount, ConfigItem } from "../estate/model";
import { AwsError } from "./errors";

/** Deep copy with the named ISO-string members turned into epoch seconds. */
export function withEpochSeconds(value: unknown, keys: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) return value.map((v) => withEpochSeconds(v, keys));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = keys.has(k) && typeof v === "string" ? Date.parse(v) / 1000 : withEpochSeconds(v, keys);
  }
  return out;
}

/** A page size within [min, max]; absent means `fallback`. */
export function pageSize(value: unknown, name: string, min: number, max: number, fallback: number, code = "InvalidParameterValueException"): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw new AwsError(code, `1 validation error detected: Value '${String(value)}' at '${name}' failed to satisfy constraint: Member must have value between ${min} and ${max}`);
  }
  return value;
}

/** The region's item lists of one type (generation order; lists only grow, so cursors stay valid). */
export function typeLists(account: AwsAccount, region: string, resourceType: string): ConfigItem[][] {
  return account.items.lists(region, false, [resourceType]);
}

export const isLive = (item: ConfigItem): boolean => item.configurationItemStatus !== "ResourceDeleted";
