// "Scan now" commits a QUEUED run and enqueues its job after commit; if Redis is down at that moment
// the run has no job. The watchdog finds such runs (older than a threshold, no live job) and enqueues
// them under the deterministic job id, so late or repeated enqueues still run the scan once.
import { Worker } from "bullmq";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createAwsAccount, createOrg } from "@safeguard/core/scans/testing/fixtures";
import { cancelScan } from "@safeguard/core/scans/cancel-scan";
import { requestScan } from "@safeguard/core/scans/request-scan";
import { createRedis } from "@safeguard/jobs/connection";
import type { Queues } from "@safeguard/jobs/queues";
import { withTenant } from "@safeguard/db/tenant";
import { useTestDatabase } from "@safeguard/db/testing/use-test-database";
import { processWatchdog } from "../src/processors/maintenance";
import { dropPrefix, REDIS_URL, testQueues, uniquePrefix } from "./harness";

useTestDatabase();
// Each test gets its own queue prefix (the second one drains its queue with a worker).
let prefix = "";
let queues: Queues;

beforeEach(() => {
  prefix = uniquePrefix();
  queues = testQueues(prefix);
});
afterEach(async () => {
  await queues?.close();
  await dropPrefix(prefix);
});

const MINUTE = 60_000;
const scanJobs = async () => {
  const q = queues.queue("scans");
  const jobs = await q.getJobs(["waiting", "delayed", "active", "prioritized", "completed", "failed"]);
  return Promise.all(jobs.map(async (j) => ({ id: j.id, state: await j.getState() })));
};

describe("watchdog: stranded QUEUED scans", () => {
  it("enqueues a QUEUED run that has no job once it is older than the threshold, exactly once", async () => {
    const org = await createOrg("Stranded");
    const account = await createAwsAccount(org);
    // Committed, but the after-commit enqueue never happened (Redis was down).
    const run = await withTenant(org, (tx) => requestScan({ tx, accountId: account, kind: "FULL", trigger: "MANUAL" }));

    expect(await processWatchdog(queues, { strandedAfterMs: MINUTE })).toEqual({ recovered: 0, stranded: 0 }); // too fresh: the enqueue may still be on its way
    expect(await scanJobs()).toEqual([]);

    const later = new Date(Date.now() + 2 * MINUTE);
    expect(await processWatchdog(queues, { strandedAfterMs: MINUTE, now: later })).toEqual({ recovered: 0, stranded: 1 });
    expect(await scanJobs()).toEqual([{ id: run.id, state: "waiting" }]);
    // A second watchdog pass, and the original enqueue arriving late: still one job.
    expect(await processWatchdog(queues, { strandedAfterMs: MINUTE, now: later })).toEqual({ recovered: 0, stranded: 0 });
    await queues.enqueue("scan.account", { scanRunId: run.id });
    expect(await scanJobs()).toEqual([{ id: run.id, state: "waiting" }]);
    // Cancelled runs are not the watchdog's business (and this one must not count in the next test).
    await withTenant(org, (tx) => cancelScan({ tx, scanRunId: run.id }));
    expect(await processWatchdog(queues, { strandedAfterMs: MINUTE, now: later })).toEqual({ recovered: 0, stranded: 0 });
  });

  it("replaces a job that finished without running the scan (the run is still QUEUED)", async () => {
    const org = await createOrg("Dropped");
    const account = await createAwsAccount(org);
    const run = await withTenant(org, (tx) => requestScan({ tx, accountId: account, kind: "FULL", trigger: "MANUAL" }));
    // Drain the queue with a worker that completes jobs without touching the database.
    const connection = createRedis(REDIS_URL);
    const worker = new Worker("scans", async () => "dropped", { connection, prefix });
    const done = new Promise<void>((r) => worker.on("completed", (job) => job.id === run.id && r()));
    await queues.enqueue("scan.account", { scanRunId: run.id });
    await done;
    await worker.close();
    await connection.quit();
    expect((await scanJobs()).find((j) => j.id === run.id)?.state).toBe("completed");

    expect(await processWatchdog(queues, { strandedAfterMs: MINUTE, now: new Date(Date.now() + 2 * MINUTE) })).toMatchObject({ stranded: 1 });
    expect((await scanJobs()).find((j) => j.id === run.id)?.state).toBe("waiting");
  });
});
