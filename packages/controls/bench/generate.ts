// Generates resources for the benchmark from the fixture estates: every fixture item (pass, fail and
// partial variants of every resource type) is re-issued with fresh ids and deep-copied configuration,
// so per-object caches (parsed policies) miss as they would on a real estate.
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


/** The i-th generated resource: template i mod n, unique ids, its own top-level objects. */
export function generate(t: ResourceSnapshot, i: number): ResourceSnapshot {
  const suffix = `-${i}`;
  return {
    ...t,
    resourceId: t.resourceId + suffix,
    nativeId: t.nativeId + suffix,
    tags: { ...t.tags },
    // Deep copies: nothing is shared between generated resources, as in a real estate.
    configuration: t.configuration === null ? null : structuredClone(t.configuration),
    supplementaryConfiguration: structuredClone(t.supplementaryConfiguration),
  };
}
