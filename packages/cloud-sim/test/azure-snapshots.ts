// Azure snapshots of an estate in the shape the Azure collector gives them: the simulator's collected rows
// (src/azure/collected-rows.ts) through the same normaliser the collector uses.
import { fromAzureGraphRow, type ResourceSnapshot } from "@safeguard/controls/snapshot";
import { collectedAzureRows } from "../src/azure/collected-rows";
import type { Estate } from "../src/estate/model";

export function azureSnapshots(estate: Estate): ResourceSnapshot[] {
  return collectedAzureRows(estate).map((row) => {
    const n = fromAzureGraphRow(row);
    if (!n.ok) throw new Error(`${row.id}: ${n.reason}`);
    return n.snapshot;
  });
}
