// Incremental Azure scans: after drift through the simulator's admin API, a re-scan asks Resource Graph's change
// history, reads only the changed rows, lists ids for deletions, and adds up to what a full scan reads.
import type { RunningSimulator } from "@safeguard/cloud-sim/server";
import type { ResourceSnapshot } from "@safeguard/controls/snapshot";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { azureConnection, azureTarget, coverageOf, drain, snapshotsOf, startTestSimulator } from "../../test/helpers";
import type { CollectEvent } from "../source";
import { collectAzure } from "./collect-azure";
import { graphTableOf } from "./graph-tables";

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(async () => {
  await sim?.stop();
});

const scan = (changedSince?: Date) => drain(collectAzure(azureConnection(sim), azureTarget(sim), { changedSince: changedSince ?? null }));
const idsOf = (events: CollectEvent[]) => events.flatMap((e) => (e.kind === "ids" ? e.ids : []));
const inResourcesTable = (s: ResourceSnapshot) => graphTableOf(s.resourceType) === "resources" && !s.resourceType.startsWith("safeguard::");
const lower = (ids: Iterable<string>) => [...ids].map((id) => id.toLowerCase()).sort();
/** What reconciliation compares: the configuration, without the capture time. */
const content = (s: ResourceSnapshot) => JSON.stringify({ ...s, capturedAt: null });
/** What the pipeline's watermark becomes: the newest capture time read (the worker then asks 5 minutes before it). */
const watermarkOf = (events: CollectEvent[]) => new Date(Math.max(...snapshotsOf(events).map((s) => (s.capturedAt ? Date.parse(s.capturedAt) : 0))));

async function drift(op: Record<string, unknown>): Promise<{ nativeId: string }[]> {
  const res = await fetch(`${sim.url}/_sim/drift`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(op) });
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as { changes: { nativeId: string }[] }).changes;
}

const live = (type: string) => sim.state.estate.azure[0]!.resources.filter((r) => r.row.type === type && !r.deleted);

describe("Azure incremental scans from resourcechanges", () => {
  it("reads only the changed rows, detects the deletion, and reconciles to what a full scan reads", async () => {
    const before = await scan();
    const changedSince = new Date(watermarkOf(before).getTime() - 5 * 60_000);
    const storage = live("microsoft.storage/storageaccounts").find((r) => (r.row.properties as { allowBlobPublicAccess: boolean }).allowBlobPublicAccess === false)!;
    const [updated] = await drift({ op: "azure-misconfigure", nativeId: storage.row.id });
    const [updatedServer] = await drift({ op: "azure-misconfigure", nativeId: live("microsoft.sql/servers")[0]!.row.id });
    const [added] = await drift({ op: "add", resourceType: "microsoft.keyvault/vaults" });
    const [deleted] = await drift({ op: "delete", nativeId: live("microsoft.compute/disks")[0]!.row.id });

    const incremental = await scan(changedSince);
    expect(coverageOf(incremental).map((c) => c.status)).toEqual(["ok"]);
    expect(incremental.filter((e) => e.kind === "error")).toEqual([]);
    // From the Resources table, exactly the changed rows were read (the others are small tables read in full).
    const read = snapshotsOf(incremental).filter(inResourcesTable);
    expect(lower(read.map((s) => s.nativeId))).toEqual(lower([updated!.nativeId, updatedServer!.nativeId, added!.nativeId]));
    expect(read.find((s) => s.nativeId === updated!.nativeId)?.configuration!.properties).toMatchObject({ allowBlobPublicAccess: true });
    // The changed rows come with their child reads and data plane, and their change time as capture time.
    const vault = read.find((s) => s.nativeId === added!.nativeId)!;
    expect(vault.supplementaryConfiguration.keys).toBeDefined();
    expect(Date.parse(vault.capturedAt ?? "")).toBeGreaterThan(changedSince.getTime());
    expect(read.find((s) => s.nativeId === updatedServer!.nativeId)?.supplementaryConfiguration.firewallRules).toBeDefined();
    const ids = new Set(lower(idsOf(incremental)));
    expect(ids.has(deleted!.nativeId.toLowerCase())).toBe(false);
    expect(ids.has(added!.nativeId.toLowerCase())).toBe(true);

    // Reconcile as the scan pipeline does: re-read rows replace, listed ids stay, the rest is deleted.
    const state = new Map(snapshotsOf(before).map((s) => [s.nativeId.toLowerCase(), s]));
    const seen = new Set([...ids, ...lower(snapshotsOf(incremental).map((s) => s.nativeId))]);
    for (const id of [...state.keys()]) if (!seen.has(id)) state.delete(id);
    for (const s of snapshotsOf(incremental)) state.set(s.nativeId.toLowerCase(), s);
    expect(state.has(deleted!.nativeId.toLowerCase())).toBe(false);

    const full = await scan();
    const fullState = new Map(snapshotsOf(full).map((s) => [s.nativeId.toLowerCase(), s]));
    expect([...state.keys()].sort()).toEqual([...fullState.keys()].sort());
    const differing = [...fullState].filter(([id, s]) => content(s) !== content(state.get(id)!)).map(([id]) => id);
    expect(differing).toEqual([]);
  });

  it("a re-scan with no change since the watermark reads no row of the Resources table", async () => {
    const first = await scan();
    const again = await scan(watermarkOf(first));
    expect(snapshotsOf(again).filter(inResourcesTable)).toEqual([]);
    expect(idsOf(again).length).toBeGreaterThan(50);
  });

  it("falls back to a full read when the watermark is older than the 14 days of change history", async () => {
    const events = await scan(new Date(Date.now() - 15 * 86_400_000));
    expect(idsOf(events)).toEqual([]);
    expect(snapshotsOf(events).filter(inResourcesTable).length).toBeGreaterThan(100);
    expect(coverageOf(events).map((c) => c.status)).toEqual(["ok"]);
  });

  it("falls back to a full read, without an error, when the change query keeps failing", async () => {
    // Throttled past the collector's patience (429s; a 5xx would first sit through the SDK's own slow retries).
    sim.setFaults({ api: "azure:resourcechanges", throttleCount: 3 });
    try {
      const events = await scan(new Date(Date.now() - 60_000));
      expect(idsOf(events)).toEqual([]);
      expect(snapshotsOf(events).filter(inResourcesTable).length).toBeGreaterThan(100);
      expect(events.filter((e) => e.kind === "error")).toEqual([]);
      expect(coverageOf(events).map((c) => c.status)).toEqual(["ok"]);
    } finally {
      sim.clearFaults();
    }
  });
});
