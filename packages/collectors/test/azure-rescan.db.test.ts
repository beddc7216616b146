// Azure re-scans end to end: the real Azure collector against the simulator, through core's scan pipeline into
// Postgres. A full scan leaves a watermark (the subscription row carries the scan's start); after drift through
// the simulator's admin API an incremental scan reads only the changed rows (from Resource Graph's change
// history), marks the deleted one deleted, and the account ends up exactly as a fresh full scan sees it.
import type { RunningSimulator } from "@safeguard/cloud-sim/server";
import { createOrg, scanOnce } from "@safeguard/core/scans/testing/fixtures";
import { withTenant } from "@safeguard/db/tenant";
import { useTestDatabase } from "@safeguard/db/testing/use-test-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectAzure } from "../src/azure/collect-azure";
import { azureConnection, azureTarget, startTestSimulator } from "./helpers";

useTestDatabase();
let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startTestSimulator({ seed: "azure-rescan", awsAccounts: 0, azureSubscriptions: 1, resourcesPerAccount: 400 });
}, 120_000);
afterAll(async () => {
  await sim?.stop();
});

/** An Azure account row; the collector gets the secret directly, so none is sealed here. */
async function createAzureAccount(orgId: string): Promise<string> {
  const az = sim.estate.azure;
  const a = await withTenant(orgId, (tx) => tx.cloudAccount.create({
    data: { orgId, name: "Sim Azure", provider: "AZURE", externalAccountId: az.subscriptions[0]!.subscriptionId, azureTenantId: az.tenantId, azureClientId: az.clientId },
  }));
  return a.id;
}

const rows = (orgId: string, accountId: string) =>
  withTenant(orgId, (tx) => tx.resource.findMany({ where: { accountId }, select: { nativeId: true, resourceType: true, deletedAt: true, configHash: true } }));
const account = (orgId: string, id: string) => withTenant(orgId, (tx) => tx.cloudAccount.findUniqueOrThrow({ where: { id } }));
const live = (type: string) => sim.state.estate.azure[0]!.resources.filter((r) => r.row.type === type && !r.deleted);
/** The worker asks from 5 minutes before the watermark (apps/worker/src/scan-source.ts). */
const OVERLAP_MS = 5 * 60_000;

describe("Azure incremental re-scan through the scan pipeline", () => {
  it("reads only what drifted, marks the deleted resource deleted, and matches a fresh full scan", async () => {
    const collect = (changedSince: Date | null = null) => collectAzure(azureConnection(sim), azureTarget(sim), { changedSince });
    const org = await createOrg("AzureRescan");
    const acct = await createAzureAccount(org);
    const full = await scanOnce(org, acct, collect());
    expect(full.result.errors).toEqual([]);
    expect(full.status).toBe("SUCCEEDED");
    const watermark = (await account(org, acct)).changeWatermark;
    expect(watermark).not.toBeNull();

    const storage = live("microsoft.storage/storageaccounts").find((r) => (r.row.properties as { allowBlobPublicAccess: boolean }).allowBlobPublicAccess === false)!;
    const [updated] = sim.drift({ op: "azure-misconfigure", nativeId: storage.row.id });
    const [added] = sim.drift({ op: "add", resourceType: "microsoft.sql/servers", misconfigured: true });
    const gone = live("microsoft.network/networkinterfaces")[0]!.row.id;
    sim.drift({ op: "delete", nativeId: gone });

    const incremental = await scanOnce(org, acct, collect(new Date(watermark!.getTime() - OVERLAP_MS)), "INCREMENTAL");
    expect(incremental.result.errors).toEqual([]);
    expect(incremental.status).toBe("SUCCEEDED");
    // The drifted account, the new server and its database; the small tables read in full hash the same.
    expect(incremental.result.changed).toBe(3);
    expect(incremental.result.collected).toBeLessThan(full.result.collected / 2);
    const after = new Map((await rows(org, acct)).map((r) => [r.nativeId, r]));
    expect(after.get(updated!.nativeId)?.deletedAt).toBeNull();
    expect(after.get(added!.nativeId)).toMatchObject({ deletedAt: null, resourceType: "microsoft.sql/servers" });
    expect(after.get(gone)?.deletedAt).not.toBeNull();
    expect((await account(org, acct)).changeWatermark!.getTime()).toBeGreaterThan(watermark!.getTime());

    // A fresh account scanned in full now holds exactly the same live resources, hashed the same.
    const other = await createOrg("AzureFresh");
    const fresh = await createAzureAccount(other);
    await scanOnce(other, fresh, collect());
    const summary = (list: Awaited<ReturnType<typeof rows>>) => list.filter((r) => r.deletedAt === null).map((r) => `${r.nativeId} ${r.configHash}`).sort();
    expect(summary(await rows(org, acct))).toEqual(summary(await rows(other, fresh)));
  });
});
