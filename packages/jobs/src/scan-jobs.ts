// scan.account jobs have deterministic ids, so whoever (re-)enqueues a scan (the web after commit,
// the scheduler, the watchdog) can do it twice without running it twice: BullMQ keeps one job per id.
// - first delivery: jobId = scanRunId (queues.enqueue uses it when the caller gives none);
// - after the watchdog requeued a run whose worker died, or when a QUEUED run has no live job:
//   jobId = `${scanRunId}-r${attempt}` (attempt = tries made so far), one per retry.
import type { Job } from "bullmq";
import type { Queues } from "./queues";

export function scanJobId(scanRunId: string, attempt = 0): string {
  return attempt === 0 ? scanRunId : `${scanRunId}-r${attempt}`;
}

/** States in which a job will still run (or is running). `completed`, `failed` and `unknown` will not. */
const LIVE = new Set(["waiting", "delayed", "active", "prioritized", "waiting-children", "paused"]);

async function liveState(job: Job | undefined): Promise<boolean> {
  return job ? LIVE.has(await job.getState()) : false;
}

/** Whether a job that will carry out this run exists (the first delivery, incl. BullMQ's own retries, or this attempt's re-enqueue). */
export async function hasLiveScanJob(queues: Queues, scanRunId: string, attempt: number): Promise<boolean> {
  const q = queues.queue("scans");
  const ids = [...new Set([scanRunId, scanJobId(scanRunId, attempt)])];
  for (const id of ids) if (await liveState(await q.getJob(id))) return true;
  return false;
}

/**
 * Enqueues this attempt's job unless a live one with its id exists. A finished job under the same id
 * (kept for inspection by removeOnComplete/removeOnFail) would make BullMQ ignore the add, so it is removed first.
 */
export async function enqueueScanJob(queues: Queues, scanRunId: string, attempt: number): Promise<{ jobId: string; enqueued: boolean }> {
  const jobId = scanJobId(scanRunId, attempt);
  const existing = await queues.queue("scans").getJob(jobId);
  if (existing) {
    if (await liveState(existing)) return { jobId, enqueued: false };
    await existing.remove().catch(() => undefined); // locked = it just became active elsewhere: the add below is then a no-op
  }
  await queues.enqueue("scan.account", { scanRunId }, { jobId });
  return { jobId, enqueued: true };
}
