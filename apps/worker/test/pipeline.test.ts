// The pipeline end to end: simulator -> worker process (tsx src/main.ts) -> Postgres, through Redis.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "@safeguard/cloud-sim/server";
import { getCheck } from "@safeguard/controls/catalog";
import type { Queues } from "@safeguard/jobs/queues";
import { withTenant } from "@safeguard/db/tenant";
import { useTestDatabase } from "@safeguard/db/testing/use-test-database";
import {
  createOrg, createSimAwsAccount, createSimAzureAccount, dropPrefix, requestAndEnqueue, startTestSimulator, startWorkerProcess, testQueues, uniquePrefix,
  waitForScan, workerEnv, type WorkerProcess,
} from "./harness";

const db = useTestDatabase();
let sim: RunningSimulator;
let queues: Queues;
let worker: WorkerProcess;
const prefix = uniquePrefix();

beforeAll(async () => {
  sim = await startTestSimulator();
  queues = testQueues(prefix);
  worker = await startWorkerProcess(workerEnv(sim, db.current().appUrl, prefix, { SAFEGUARD_AWS_MAX_ATTEMPTS: "5" }), "w1");
}, 120_000);

afterAll(async () => {
  await worker?.stop();
  await queues?.close();
  await sim?.stop();
  await dropPrefix(prefix);
});

const counts = (orgId: string, accountId: string) => withTenant(orgId, async (tx) => ({
  resources: await tx.resource.count({ where: { accountId, deletedAt: null } }),
  findings: await tx.finding.count({ where: { accountId } }),
  events: await tx.findingEvent.count({ where: { accountId } }),
  notifications: await tx.notification.count(),
}));

describe("scan pipeline (worker process + simulator + Postgres + Redis)", () => {
  let org: string;
  let account: string;

  it("runs a first full scan: resources, findings, coverage, account active", async () => {
    org = await createOrg("First");
    account = await createSimAwsAccount(sim, org);
    const id = await requestAndEnqueue(queues, org, account);
    const run = await waitForScan(org, id);
    expect(run.status).toBe("SUCCEEDED");
    expect(run.phase).toBe("DONE");
    expect(run.resourcesCollected).toBeGreaterThan(100);
    expect(run.resourcesEvaluated).toBeGreaterThan(0);
    const coverage = run.regionCoverage as Array<{ region: string; status: string }>;
    expect(coverage.map((c) => c.region)).toEqual(expect.arrayContaining(sim.state.estate.aws[0]!.regions));
    expect(Object.keys(run.timings as object)).toEqual(expect.arrayContaining(["collectMs", "evaluateMs", "reconcileMs", "totalMs"]));
    const c = await counts(org, account);
    expect(c.resources).toBe(run.resourcesCollected);
    expect(c.findings).toBeGreaterThan(c.resources);
    expect(c.notifications).toBe(0);
    const acct = await withTenant(org, (tx) => tx.cloudAccount.findUniqueOrThrow({ where: { id: account } }));
    expect(acct.status).toBe("ACTIVE");
    expect(acct.lastScanId).toBe(id);
    expect(acct.changeWatermark).not.toBeNull();
  });

  it("re-scans incrementally after drift: exactly the drifted bucket's events and one outbox row", async () => {
    const before = await counts(org, account);
    const [change] = sim.drift({ op: "make-bucket-public" });
    const id = await requestAndEnqueue(queues, org, account, "INCREMENTAL");
    const run = await waitForScan(org, id);
    expect(run.status, JSON.stringify([run.errors, run.error])).toBe("SUCCEEDED");
    expect(run.kind).toBe("INCREMENTAL");
    const events = await withTenant(org, (tx) => tx.findingEvent.findMany({ where: { scanRunId: id }, include: {} }));
    const resources = await withTenant(org, (tx) => tx.resource.findMany({ where: { id: { in: events.map((e) => e.resourceId) } } }));
    expect(events.length).toBeGreaterThan(0);
    // The bucket itself, plus resources whose checks read buckets as context (a trail logging into it).
    const bucket = resources.find((r) => r.nativeId === change!.nativeId);
    expect(bucket).toBeDefined();
    for (const e of events.filter((x) => x.resourceId !== bucket!.id)) {
      expect(getCheck(e.checkId)?.contextTypes).toContain("AWS::S3::Bucket");
    }
    expect(events.every((e) => e.kind === "REGRESSED" || e.kind === "OPENED")).toBe(true);
    const notes = await withTenant(org, (tx) => tx.notification.findMany({ where: { scanRunId: id } }));
    expect(notes).toHaveLength(1);
    expect((notes[0]!.payload as { counts: Record<string, number> }).counts).toEqual(
      Object.fromEntries(Object.entries(events.reduce<Record<string, number>>((m, e) => ({ ...m, [e.kind]: (m[e.kind] ?? 0) + 1 }), {}))),
    );
    const after = await counts(org, account);
    expect(after.resources).toBe(before.resources);
    expect(after.notifications).toBe(before.notifications + 1);
  });

  it("marks a deleted resource deleted and records RESOURCE_DELETED for its open findings", async () => {
    const victim = await withTenant(org, (tx) => tx.finding.findFirstOrThrow({ where: { accountId: account, status: "FAIL", deletedAt: null, resource: { resourceType: { startsWith: "AWS::" } } }, include: { resource: true } }));
    sim.drift({ op: "delete", nativeId: victim.resource.nativeId });
    const id = await requestAndEnqueue(queues, org, account, "INCREMENTAL");
    expect((await waitForScan(org, id)).status).toBe("SUCCEEDED");
    const r = await withTenant(org, (tx) => tx.resource.findUniqueOrThrow({ where: { id: victim.resourceId } }));
    expect(r.deletedAt).not.toBeNull();
    const ev = await withTenant(org, (tx) => tx.findingEvent.findMany({ where: { scanRunId: id, resourceId: victim.resourceId } }));
    expect(ev.map((e) => e.kind)).toContain("RESOURCE_DELETED");
  });

  it("ignores a duplicated delivery of the same scan: one run, no duplicate events", async () => {
    sim.drift({ op: "open-ssh" });
    const id = await requestAndEnqueue(queues, org, account, "INCREMENTAL");
    await queues.enqueue("scan.account", { scanRunId: id }, { jobId: `${id}-dup` });
    await queues.enqueue("scan.account", { scanRunId: id }, { jobId: id }); // same id: BullMQ keeps one
    const run = await waitForScan(org, id);
    expect(run.status).toBe("SUCCEEDED");
    expect(run.attempt).toBe(1);
    await new Promise((r) => setTimeout(r, 1500)); // let the duplicate be processed (and dropped)
    const events = await withTenant(org, (tx) => tx.findingEvent.findMany({ where: { scanRunId: id } }));
    const keys = events.map((e) => `${e.findingId}/${e.kind}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(events.length).toBeGreaterThan(0);
    expect(worker.output.some((l) => l.includes("nothing to do") && l.includes(id))).toBe(true);
  });

  it("records a failing region as partial coverage without losing the other regions' state", async () => {
    const before = await counts(org, account);
    sim.setFaults({ api: "config:SelectResourceConfig", errorRate: 1 });
    try {
      const id = await requestAndEnqueue(queues, org, account, "FULL");
      const run = await waitForScan(org, id);
      expect(run.status).toBe("PARTIAL");
      expect((run.regionCoverage as Array<{ status: string }>).some((c) => c.status === "error")).toBe(true);
      const after = await counts(org, account);
      expect(after.resources).toBe(before.resources);
      const acct = await withTenant(org, (tx) => tx.cloudAccount.findUniqueOrThrow({ where: { id: account } }));
      expect(acct.lastError).toBeTruthy();
    } finally {
      sim.clearFaults();
    }
  });

  it("survives throttling (backoff) and completes", async () => {
    // Four throttles in a row: fewer than the SDK's attempts (5 here), so even one unlucky call recovers.
    sim.setFaults({ api: "config:SelectResourceConfig", throttleCount: 4 });
    try {
      const id = await requestAndEnqueue(queues, org, account, "FULL");
      expect((await waitForScan(org, id)).status).toBe("SUCCEEDED");
      expect(sim.state.faults.list()[0]?.throttleCount).toBe(0);
    } finally {
      sim.clearFaults();
    }
  });

  it("fails a wrong external ID once, with a plain-language status and no retries", async () => {
    const other = await createOrg("Wrong");
    const acct = await createSimAwsAccount(sim, other, { externalId: "sg-not-the-right-external-id" });
    const id = await requestAndEnqueue(queues, other, acct);
    const run = await waitForScan(other, id);
    expect(run.status).toBe("FAILED");
    const a = await withTenant(other, (tx) => tx.cloudAccount.findUniqueOrThrow({ where: { id: acct } }));
    expect(["ROLE_NOT_ASSUMABLE", "EXTERNAL_ID_MISMATCH"]).toContain(a.status);
    expect(a.lastError).toMatch(/external ID/i);
    const job = await queues.queue("scans").getJob(id);
    expect(job?.attemptsMade).toBe(1);
    expect(await job?.getState()).toBe("failed");
  });

  it("scans an Azure subscription with the sealed client secret", async () => {
    const azOrg = await createOrg("Azure");
    const acct = await createSimAzureAccount(sim, azOrg);
    const id = await requestAndEnqueue(queues, azOrg, acct);
    const run = await waitForScan(azOrg, id);
    expect(run.status, JSON.stringify([run.errors, run.error])).toBe("SUCCEEDED");
    expect(run.resourcesCollected).toBeGreaterThan(50);
    expect(await withTenant(azOrg, (tx) => tx.finding.count({ where: { accountId: acct } }))).toBeGreaterThan(0);
  });

  it("shows a wrong Azure secret as AZURE_CREDENTIALS_INVALID, failed once", async () => {
    const azOrg = await createOrg("AzureWrong");
    const acct = await createSimAzureAccount(sim, azOrg, "not-the-secret");
    const id = await requestAndEnqueue(queues, azOrg, acct);
    expect((await waitForScan(azOrg, id)).status).toBe("FAILED");
    const a = await withTenant(azOrg, (tx) => tx.cloudAccount.findUniqueOrThrow({ where: { id: acct } }));
    expect(a.status).toBe("AZURE_CREDENTIALS_INVALID");
    expect((await queues.queue("scans").getJob(id))?.attemptsMade).toBe(1);
  });
});
