// The worker: one BullMQ Worker per queue, every job parsed through the registry before it runs.
// Stateless: any number of these processes, on any machines, share the Redis queues.
import { Worker, type Job } from "bullmq";
import { createRedis } from "@safeguard/jobs/connection";
import { MAINTENANCE_EVERY_MS } from "@safeguard/jobs/defaults";
import { createOrgGate } from "@safeguard/jobs/org-gate";
import { createQueues, type Queues } from "@safeguard/jobs/queues";
import { parseJob } from "@safeguard/jobs/registry";
import type { WorkerEnv } from "./env";
import { log } from "./log";
import { processExceptionsLapse, processScheduleTick, processWatchdog } from "./processors/maintenance";
import { processScanAccount } from "./processors/scan-account";
import { processScanScheduled } from "./processors/scan-scheduled";

export interface WorkerRuntime {
  queues: Queues;
  close(): Promise<void>;
}

export async function startWorker(env: WorkerEnv): Promise<WorkerRuntime> {
  const queues = createQueues({ url: env.REDIS_URL, prefix: env.SAFEGUARD_QUEUE_PREFIX });
  const gateRedis = createRedis(env.REDIS_URL);
  const gate = createOrgGate(gateRedis, { prefix: env.SAFEGUARD_QUEUE_PREFIX, limit: env.SAFEGUARD_SCAN_CONCURRENCY_PER_ORG, ttlMs: env.SAFEGUARD_SCAN_LEASE_MS });

  const dispatch = async (job: Job, token?: string): Promise<unknown> => {
    const parsed = parseJob(job.name, job.data);
    if (!parsed.ok) {
      // Unknown or malformed: log and drop (completing it), never retry what cannot parse.
      log("error", "dropping job", { queue: job.queueName, name: job.name, jobId: job.id, reason: parsed.reason });
      return "dropped";
    }
    const j = parsed.job;
    switch (j.name) {
      case "scan.account":
        return processScanAccount(job, token, j.data.scanRunId, { env, gate });
      case "scan.scheduled":
        return processScanScheduled(queues, j.data);
      case "scan.schedule-tick":
        return processScheduleTick(queues);
      case "scan.watchdog":
        return processWatchdog(queues);
      case "exceptions.lapse":
        return processExceptionsLapse();
      case "alerts.deliver":
      case "evidence.build":
        // Owned by later issues; until their processors exist the jobs wait in their own queues.
        log("warn", "no processor for job yet", { name: j.name, jobId: job.id });
        return "no-processor";
    }
  };

  const workers: Worker[] = [];
  const connections = [gateRedis];
  const make = (queue: "scans" | "maintenance", concurrency: number) => {
    const connection = createRedis(env.REDIS_URL);
    connections.push(connection);
    const w = new Worker(queue, dispatch, { connection, prefix: env.SAFEGUARD_QUEUE_PREFIX, concurrency });
    w.on("error", (error) => log("error", "worker error", { queue, error: error.message }));
    w.on("failed", (job, error) => log("warn", "job failed", { queue, name: job?.name, jobId: job?.id, attemptsMade: job?.attemptsMade, error: error.message }));
    workers.push(w);
  };
  make("scans", env.SAFEGUARD_SCAN_CONCURRENCY);
  make("maintenance", 2);

  if (env.SAFEGUARD_SCAN_GLOBAL_CONCURRENCY) await queues.queue("scans").setGlobalConcurrency(env.SAFEGUARD_SCAN_GLOBAL_CONCURRENCY);
  if (env.SAFEGUARD_MAINTENANCE) {
    const m = queues.queue("maintenance");
    await m.upsertJobScheduler("maintenance-watchdog", { every: env.SAFEGUARD_WATCHDOG_EVERY_MS }, { name: "scan.watchdog", data: {} });
    await m.upsertJobScheduler("maintenance-schedule-tick", { every: env.SAFEGUARD_SCHEDULE_TICK_EVERY_MS }, { name: "scan.schedule-tick", data: {} });
    await m.upsertJobScheduler("maintenance-exceptions-lapse", { every: MAINTENANCE_EVERY_MS["exceptions.lapse"] }, { name: "exceptions.lapse", data: {} });
  }
  log("info", "worker started", { worker: env.SAFEGUARD_WORKER_ID, scanConcurrency: env.SAFEGUARD_SCAN_CONCURRENCY, perOrg: env.SAFEGUARD_SCAN_CONCURRENCY_PER_ORG, prefix: env.SAFEGUARD_QUEUE_PREFIX });

  return {
    queues,
    async close() {
      // Workers first: close() waits for running jobs to finish (or their transaction to roll back).
      await Promise.all(workers.map((w) => w.close()));
      await queues.close();
      for (const c of connections) await c.quit().catch(() => undefined);
    },
  };
}
