// Loads the fixture estates under src/__fixtures__: each file is a small estate in the real wire shapes
// (AWS Config configuration items, Azure Resource Graph rows) plus the verdict each case must produce.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fromAnyItem, type ResourceSnapshot } from "../src/snapshot";

export interface FixtureCase {
  check: string;
  item: string;
  expect: "PASS" | "FAIL" | "NOT_APPLICABLE" | "ERROR";
}

export interface FixtureFile {
  file: string;
  note: string;
  items: Record<string, unknown>;
  cases: FixtureCase[];
  snapshots: Map<string, ResourceSnapshot>;
}

export const FIXTURE_DIR = join(import.meta.dirname, "..", "src", "__fixtures__");

export function loadFixtures(): FixtureFile[] {
  const out: FixtureFile[] = [];
  for (const cloud of ["aws", "azure"]) {
    const dir = join(FIXTURE_DIR, cloud);
    for (const f of readdirSync(dir).filter((n) => n.endsWith(".json")).sort()) {
      const raw = JSON.parse(readFileSync(join(dir, f), "utf8")) as Omit<FixtureFile, "file" | "snapshots">;
      const snapshots = new Map<string, ResourceSnapshot>();
      for (const [name, item] of Object.entries(raw.items)) {
        const r = fromAnyItem(item);
        if (!r.ok) throw new Error(`${cloud}/${f}: item ${name} does not normalise: ${r.reason}`);
        snapshots.set(name, r.snapshot);
      }
      out.push({ file: `${cloud}/${f}`, note: raw.note, items: raw.items, cases: raw.cases, snapshots });
    }
  }
  return out;
}
