// Re-scans and the types read from describe APIs, end to end: the real AWS collector against the simulator,
// through core's scan pipeline into Postgres. An incremental scan reads these types in full (no "changed
// since" filter exists for them), so they must stay live, unchanged, and a deleted one must go; when their
// API fails, the region is partial and nothing of that type is marked deleted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "@safeguard/cloud-sim/server";
import { createAwsAccount, createOrg, scanOnce } from "@safeguard/core/scans/testing/fixtures";
import { withTenant } from "@safeguard/db/tenant";
import { useTestDatabase } from "@safeguard/db/testing/use-test-database";
import { describeReaders, collectAws } from "../src/aws/collect-aws";
import { awsConnection, awsTarget, startTestSimulator } from "./helpers";

useTestDatabase();
let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startTestSimulator({ seed: "describe-rescan", azureSubscriptions: 0, resourcesPerAccount: 600 });
}, 120_000);
afterAll(async () => {
  await sim?.stop();
});

const DESCRIBED = new Set(describeReaders().map((r) => r.resourceType));

async function rows(orgId: string, accountId: string) {
  return withTenant(orgId, (tx) => tx.resource.findMany({ where: { accountId }, select: { nativeId: true, resourceType: true, deletedAt: true, configHash: true } }));
}

describe("describe-API types across re-scans", () => {
  it("stay live and unchanged on an incremental scan, a deleted one goes, and a failing API deletes nothing", async () => {
    const target = awsTarget(sim);
    const org = await createOrg("Rescan");
    const account = await createAwsAccount(org, target.regions, target.accountId);
    const conn = { ...awsConnection(sim), maxAttempts: 2 };

    const full = await scanOnce(org, account, collectAws(conn, target));
    expect(full.result.errors).toEqual([]);
    const before = (await rows(org, account)).filter((r) => DESCRIBED.has(r.resourceType));
    expect(new Set(before.map((r) => r.resourceType))).toEqual(DESCRIBED);
    expect(before.every((r) => r.deletedAt === null)).toBe(true);

    // Incremental: one bucket drifts, one log group is deleted.
    const since = new Date(Date.now() - 1000);
    const [bucket] = sim.drift({ op: "make-bucket-public" });
    const gone = before.find((r) => r.resourceType === "AWS::Logs::LogGroup")!;
    sim.drift({ op: "delete", nativeId: gone.nativeId });
    const incremental = await scanOnce(org, account, collectAws(conn, target, { changedSince: since }), "INCREMENTAL");
    expect(incremental.result.errors).toEqual([]);
    // Read in full, hashed the same: only the drifted bucket counts as changed, nothing described is rewritten.
    expect(incremental.result.changed).toBe(1);
    const after = new Map((await rows(org, account)).map((r) => [r.nativeId, r]));
    expect(after.get(bucket!.nativeId)?.deletedAt).toBeNull();
    expect(after.get(gone.nativeId)?.deletedAt).not.toBeNull();
    for (const r of before.filter((x) => x.nativeId !== gone.nativeId)) {
      expect(after.get(r.nativeId), `${r.resourceType} ${r.nativeId}`).toMatchObject({ deletedAt: null, configHash: r.configHash });
    }

    // DAX cannot be listed while a cluster is really deleted: the regions are partial, so it is not marked deleted (yet).
    const dax = before.filter((r) => r.resourceType === "AWS::DAX::Cluster");
    sim.drift({ op: "delete", nativeId: dax[0]!.nativeId });
    sim.setFaults({ api: "dax:DescribeClusters", errorRate: 1 });
    try {
      const failing = await scanOnce(org, account, collectAws(conn, target, { changedSince: new Date(Date.now() - 1000) }), "INCREMENTAL");
      expect(failing.result.errors.some((e) => e.api === "dax:DescribeClusters")).toBe(true);
      expect(failing.result.coverage.some((c) => c.status === "error")).toBe(true);
    } finally {
      sim.clearFaults();
    }
    const partial = new Map((await rows(org, account)).map((r) => [r.nativeId, r]));
    for (const r of dax) expect(partial.get(r.nativeId)?.deletedAt, r.nativeId).toBeNull();
    expect([...partial.values()].filter((r) => r.deletedAt !== null).map((r) => r.nativeId)).toEqual([gone.nativeId]);

    // The next scan that reads DAX does mark the deleted cluster.
    await scanOnce(org, account, collectAws(conn, target, { changedSince: new Date(Date.now() - 1000) }), "INCREMENTAL");
    const last = new Map((await rows(org, account)).map((r) => [r.nativeId, r]));
    expect(last.get(dax[0]!.nativeId)?.deletedAt).not.toBeNull();
  });
});
