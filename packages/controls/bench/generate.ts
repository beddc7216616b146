// Generates resources for the benchmark from the fixture estates: every fixture item (pass, fail and
// partial variants of every resource type) is re-issued with fresh ids and deep-copied configuration, so no
// two resources share an object (per-object caches miss as they would on a real estate). Strings are copied
// too, but a copy has the same text: policy documents recur across resources, as templated bucket, role and
// key policies do in real accounts. With `uniquePolicies`, every JSON policy text is made distinct instead
// (an IAM `Id` element naming the resource is added), the worst case for the engine's policy-text memo.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fromAnyItem, type ResourceSnapshot } from "../src/snapshot";

const DIR = join(import.meta.dirname, "..", "src", "__fixtures__");

export function templates(): ResourceSnapshot[] {
  const out: ResourceSnapshot[] = [];
  for (const cloud of ["aws", "azure"]) {
    for (const f of readdirSync(join(DIR, cloud)).filter((n) => n.endsWith(".json"))) {
      const data = JSON.parse(readFileSync(join(DIR, cloud, f), "utf8")) as { items: Record<string, unknown> };
      for (const item of Object.values(data.items)) {
        const r = fromAnyItem(item);
        if (r.ok) out.push(r.snapshot);
      }
    }
  }
  return out;
}

/** Adds `"Id": "gen-<i>"` at the front of every JSON (or URL-encoded JSON) object text found in `v`. */
function uniquify(v: unknown, i: number): unknown {
  if (typeof v === "string") {
    if (v.startsWith("{\"")) return `{"Id":"gen-${i}",${v.slice(1)}`;
    if (v.startsWith("%7B%22")) return `%7B%22Id%22%3A%22gen-${i}%22%2C${v.slice(3)}`;
    return v;
  }
  if (Array.isArray(v)) {
    for (let k = 0; k < v.length; k++) v[k] = uniquify(v[k], i);
    return v;
  }
  if (v !== null && typeof v === "object") {
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) o[k] = uniquify(o[k], i);
  }
  return v;
}

/** The i-th generated resource: template i mod n, unique ids, its own configuration objects. */
export function generate(t: ResourceSnapshot, i: number, uniquePolicies = false): ResourceSnapshot {
  const suffix = `-${i}`;
  const configuration = t.configuration === null ? null : structuredClone(t.configuration);
  const supplementaryConfiguration = structuredClone(t.supplementaryConfiguration);
  if (uniquePolicies) {
    uniquify(configuration, i);
    uniquify(supplementaryConfiguration, i);
  }
  return {
    ...t,
    resourceId: t.resourceId + suffix,
    nativeId: t.nativeId + suffix,
    tags: { ...t.tags },
    configuration,
    supplementaryConfiguration,
  };
}
