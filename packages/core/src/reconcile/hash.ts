// A resource's fingerprint: reconciliation rewrites a stored resource only when this changes.
// Keys are sorted so the same configuration always hashes the same, whatever order the cloud used.
import { createHash } from "node:crypto";
import type { ResourceSnapshot } from "@safeguard/controls/snapshot";

function canonical(v: unknown, out: string[]): void {
  if (v === null || typeof v !== "object") {
    out.push(JSON.stringify(v ?? null));
    return;
  }
  if (Array.isArray(v)) {
    out.push("[");
    for (let i = 0; i < v.length; i++) {
      if (i > 0) out.push(",");
      canonical(v[i], out);
    }
    out.push("]");
    return;
  }
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).sort();
  out.push("{");
  let first = true;
  for (const k of keys) {
    if (o[k] === undefined) continue;
    if (!first) out.push(",");
    first = false;
    out.push(JSON.stringify(k), ":");
    canonical(o[k], out);
  }
  out.push("}");
}

/**
 * 128-bit hex of the canonical snapshot (capture time excluded: Config re-captures unchanged
 * resources). `salt` folds in what else decides a verdict (scope): a changed scope re-writes rows.
 */
export function snapshotHash(s: ResourceSnapshot, salt = ""): string {
  const parts: string[] = [salt, "\u0001", s.resourceType, "\u0001", s.region, "\u0001", s.name, "\u0001"];
  canonical(s.tags, parts);
  canonical(s.configuration, parts);
  canonical(s.supplementaryConfiguration, parts);
  canonical(s.relationships, parts);
  return createHash("sha256").update(parts.join("")).digest("hex").slice(0, 32);
}
