// Queue wiring against the real Redis, under a unique key prefix so files never see each other's jobs.
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createRedis } from "./connection";
import { createOrgGate } from "./org-gate";
import { createQueues } from "./queues";
import { parseJob } from "./registry";
import { scanJobId } from "./scan-jobs";
import { syncAccountSchedules } from "./schedules";

const url = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const prefix = `{sgjobs-${randomBytes(4).toString("hex")}}`;
const queues = createQueues({ url, prefix });
const redis = createRedis(url);

afterAll(async () => {
  await queues.close();
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

describe("job registry and queues", () => {
  it("parses known jobs, refuses unknown names and bad payloads", () => {
    const id = randomUUID();
    expect(parseJob("scan.account", { scanRunId: id })).toEqual({ ok: true, job: { name: "scan.account", data: { scanRunId: id } } });
    expect(parseJob("scan.nope", {})).toMatchObject({ ok: false, reason: expect.stringContaining("unknown job name") });
    expect(parseJob("scan.account", { scanRunId: "not-a-uuid" })).toMatchObject({ ok: false });
  });

  it("enqueues with the registry's defaults under a cluster-safe prefix, and refuses invalid payloads", async () => {
    const id = randomUUID();
    const jobId = await queues.enqueue("scan.account", { scanRunId: id }, { jobId: id });
    const job = await queues.queue("scans").getJob(jobId!);
    expect(job?.data).toEqual({ scanRunId: id });
    expect(job?.opts.attempts).toBe(3);
    expect((await redis.keys(`${prefix}:scans:*`)).length).toBeGreaterThan(0);
    await expect(queues.enqueue("scan.account", { scanRunId: "x" } as never)).rejects.toThrow();
    expect(() => createQueues({ url, prefix: "no-hash-tag" })).toThrow(/hash tag/);
  });

  it("gives a scan job its run id by default, so enqueueing it twice leaves one job", async () => {
    const id = randomUUID();
    expect(await queues.enqueue("scan.account", { scanRunId: id })).toBe(id);
    expect(await queues.enqueue("scan.account", { scanRunId: id })).toBe(id);
    const jobs = await queues.queue("scans").getJobs(["waiting"]);
    expect(jobs.filter((j) => (j.data as { scanRunId: string }).scanRunId === id)).toHaveLength(1);
    expect(scanJobId(id, 0)).toBe(id);
    expect(scanJobId(id, 2)).toBe(`${id}-r2`);
  });

  it("keeps one scheduler per account and kind, and removes those of accounts that left", async () => {
    const a = randomUUID();
    const b = randomUUID();
    expect(await syncAccountSchedules(queues, [
      { accountId: a, fullIntervalMinutes: 360, quickIntervalMinutes: 15 },
      { accountId: b, fullIntervalMinutes: 60, quickIntervalMinutes: null },
    ])).toEqual({ upserted: 3, removed: 0 });
    // unchanged: nothing to do; b gone, a's cadence changed
    expect(await syncAccountSchedules(queues, [
      { accountId: a, fullIntervalMinutes: 360, quickIntervalMinutes: 15 },
      { accountId: b, fullIntervalMinutes: 60, quickIntervalMinutes: null },
    ])).toEqual({ upserted: 0, removed: 0 });
    expect(await syncAccountSchedules(queues, [{ accountId: a, fullIntervalMinutes: 1440, quickIntervalMinutes: 15 }])).toEqual({ upserted: 1, removed: 1 });
    const ids = (await queues.queue("maintenance").getJobSchedulers()).map((s) => s.key).sort();
    expect(ids).toEqual([`scan-full-${a}`, `scan-quick-${a}`].sort());
  });

  it("gives an organisation at most its limit of scan slots, freeing expired holders", async () => {
    const gate = createOrgGate(redis, { prefix, limit: 2, ttlMs: 300 });
    const org = randomUUID();
    expect(await gate.acquire(org, "s1")).toBe(true);
    expect(await gate.acquire(org, "s2")).toBe(true);
    expect(await gate.acquire(org, "s3")).toBe(false);
    expect(await gate.acquire(org, "s1")).toBe(true); // re-entrant
    expect(await gate.acquire(randomUUID(), "other-org")).toBe(true);
    await gate.release(org, "s1");
    expect(await gate.acquire(org, "s3")).toBe(true);
    await new Promise((r) => setTimeout(r, 400)); // holders died without releasing
    expect(await gate.acquire(org, "s4")).toBe(true);
    expect(await gate.holders(org)).toEqual(["s4"]);
  });
});
