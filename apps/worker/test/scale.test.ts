// Many workers, dead workers and many tenants: single flight, the lease watchdog, scale-out and fairness.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "@safeguard/cloud-sim/server";
import { requestScan, ScanInFlightError } from "@safeguard/core/scans/request-scan";
import { withTenant } from "@safeguard/db/tenant";
import { useTestDatabase } from "@safeguard/db/testing/use-test-database";
import {
  createOrg, createSimAwsAccount, dropPrefix, requestAndEnqueue, scanRun, startTestSimulator, startWorkerProcess, testQueues,
  uniquePrefix, waitFor, waitForScan, workerEnv, type WorkerProcess,
} from "./harness";

const db = useTestDatabase();
let sim: RunningSimulator;
const running: WorkerProcess[] = [];
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  sim = await startTestSimulator({ resourcesPerAccount: 120 });
}, 120_000);

afterEach(async () => {
  sim.clearFaults();
  await Promise.all(running.splice(0).map((w) => w.stop()));
  for (const c of cleanups.splice(0)) await c();
});

afterAll(async () => {
  await sim?.stop();
});

async function setup(extra: Record<string, string> = {}) {
  const prefix = uniquePrefix();
  const queues = testQueues(prefix);
  cleanups.push(async () => {
    await queues.close();
    await dropPrefix(prefix);
  });
  const env = workerEnv(sim, db.current().appUrl, prefix, extra);
  const start = async (id: string) => {
    const w = await startWorkerProcess(env, id);
    running.push(w);
    return w;
  };
  return { queues, start };
}

const startedLines = (w: WorkerProcess) => w.output.filter((l) => l.includes('"scan started"')).map((l) => JSON.parse(l) as { scanRunId: string; worker: string; attempt: number });

describe("scale and resilience", () => {
  it("refuses a second scan of an account while one is queued (single flight at the database)", async () => {
    const org = await createOrg("Single");
    const acct = await createSimAwsAccount(sim, org);
    const first = await withTenant(org, (tx) => requestScan({ tx, accountId: acct, kind: "FULL", trigger: "MANUAL" }));
    await expect(withTenant(org, (tx) => requestScan({ tx, accountId: acct, kind: "FULL", trigger: "MANUAL" }))).rejects.toBeInstanceOf(ScanInFlightError);
    await withTenant(org, (tx) => tx.scanRun.update({ where: { id: first.id }, data: { status: "CANCELLED" } }));
  });

  it("recovers a scan whose worker was killed mid-scan (lease watchdog), keeping the last committed state", async () => {
    const { queues, start } = await setup();
    const org = await createOrg("Killed");
    const acct = await createSimAwsAccount(sim, org);
    sim.setFaults({ api: "config:SelectResourceConfig", latencyMs: 400 });
    const a = await start("victim");
    const id = await requestAndEnqueue(queues, org, acct);
    await waitFor(async () => (await scanRun(org, id)).phase === "COLLECTING", 60_000, "collecting");
    a.kill();
    const stuck = await scanRun(org, id);
    expect(stuck.status).toBe("RUNNING");
    expect(await withTenant(org, (tx) => tx.resource.count({ where: { accountId: acct } }))).toBe(0); // nothing half-written
    sim.clearFaults();
    await start("rescuer");
    await waitFor(async () => ((await scanRun(org, id)).leaseExpiresAt?.getTime() ?? 0) < Date.now(), 30_000, "lease expiry");
    await queues.enqueue("scan.watchdog", {});
    const done = await waitForScan(org, id);
    expect(done.status).toBe("SUCCEEDED");
    expect(done.attempt).toBe(2);
    expect(await withTenant(org, (tx) => tx.resource.count({ where: { accountId: acct } }))).toBe(done.resourcesCollected);
  });

  it("spreads scans across two worker processes and still runs each scan exactly once", async () => {
    const { queues, start } = await setup({ SAFEGUARD_SCAN_CONCURRENCY: "1", SAFEGUARD_SCAN_CONCURRENCY_PER_ORG: "4" });
    const [w1, w2] = await Promise.all([start("w1"), start("w2")]);
    const runs: Array<{ org: string; id: string }> = [];
    for (let i = 0; i < 6; i++) {
      const org = await createOrg(`Spread${i}`);
      const acct = await createSimAwsAccount(sim, org);
      const id = await requestAndEnqueue(queues, org, acct);
      await queues.enqueue("scan.account", { scanRunId: id }, { jobId: `${id}-again` }); // duplicate delivery
      runs.push({ org, id });
    }
    for (const r of runs) expect((await waitForScan(r.org, r.id)).status).toBe("SUCCEEDED");
    await new Promise((r) => setTimeout(r, 1000));
    const started = [...startedLines(w1!), ...startedLines(w2!)];
    expect(new Set(started.map((s) => s.worker)).size).toBe(2);
    for (const r of runs) expect(started.filter((s) => s.scanRunId === r.id)).toHaveLength(1);
  });

  it("does not let a tenant with many queued scans starve another tenant", async () => {
    const { queues, start } = await setup({ SAFEGUARD_SCAN_CONCURRENCY: "3", SAFEGUARD_SCAN_CONCURRENCY_PER_ORG: "1" });
    sim.setFaults({ api: "config:SelectResourceConfig", latencyMs: 60 });
    const big = await createOrg("Big");
    const small = await createOrg("Small");
    const bigRuns: string[] = [];
    for (let i = 0; i < 12; i++) bigRuns.push(await requestAndEnqueue(queues, big, await createSimAwsAccount(sim, big, { label: `big-${i}` })));
    const smallRun = await requestAndEnqueue(queues, small, await createSimAwsAccount(sim, small));
    await start("fair");
    const s = await waitForScan(small, smallRun);
    expect(s.status).not.toBe("FAILED");
    const bigStarts = await Promise.all(bigRuns.map((id) => scanRun(big, id)));
    const startedBefore = bigStarts.filter((r) => r.startedAt && r.startedAt < s.startedAt!).length;
    // The small tenant's one scan, queued last, started while most of the big tenant's were still waiting.
    expect(startedBefore).toBeLessThan(bigRuns.length / 2);
    for (const id of bigRuns) await waitForScan(big, id, 180_000);
  });
});
