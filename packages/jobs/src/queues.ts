// Typed producer side: one Queue per queue name, enqueue() that parses through the registry.
import { Queue, type JobsOptions } from "bullmq";
import type { Redis } from "ioredis";
import { assertClusterSafePrefix, createRedis, DEFAULT_PREFIX, type RedisSettings } from "./connection";
import { JOB_DEFAULTS } from "./defaults";
import { JOBS, QUEUE_NAMES, type JobData, type JobName, type QueueName } from "./registry";

export interface Queues {
  readonly prefix: string;
  readonly connection: Redis;
  queue(name: QueueName): Queue;
  enqueue<N extends JobName>(name: N, data: JobData<N>, options?: JobsOptions): Promise<string | undefined>;
  close(): Promise<void>;
}

export function createQueues(settings: RedisSettings): Queues {
  const prefix = settings.prefix ?? DEFAULT_PREFIX;
  assertClusterSafePrefix(prefix);
  const connection = createRedis(settings.url);
  const queues = new Map<QueueName, Queue>();
  for (const name of QUEUE_NAMES) {
    const q = new Queue(name, { connection, prefix });
    q.on("error", (error: Error) => console.error(JSON.stringify({ level: "error", msg: "queue error", queue: name, error: error.message })));
    queues.set(name, q);
  }
  const queue = (name: QueueName): Queue => queues.get(name) as Queue;
  return {
    prefix,
    connection,
    queue,
    async enqueue(name, data, options) {
      const spec = JOBS[name];
      const payload = spec.schema.parse(data);
      // A scan's job id is its run id unless the caller says otherwise (scan-jobs.ts): enqueueing twice runs it once.
      const jobId = options?.jobId ?? (name === "scan.account" ? (payload as JobData<"scan.account">).scanRunId : undefined);
      const job = await queue(spec.queue).add(name, payload, { ...JOB_DEFAULTS[name], ...options, ...(jobId ? { jobId } : {}) });
      return job.id;
    },
    async close() {
      await Promise.all([...queues.values()].map((q) => q.close()));
      await connection.quit().catch(() => undefined);
    },
  };
}

/** Process-wide producer for the web app and scripts (the worker creates its own). */
const globalForQueues = globalThis as unknown as { __safeguardQueues?: Queues };

export function queues(settings?: RedisSettings): Queues {
  if (!globalForQueues.__safeguardQueues) {
    const url = settings?.url ?? process.env.REDIS_URL;
    if (!url) throw new Error("REDIS_URL is not set (e.g. redis://127.0.0.1:6379).");
    globalForQueues.__safeguardQueues = createQueues({ url, prefix: settings?.prefix ?? process.env.SAFEGUARD_QUEUE_PREFIX });
  }
  return globalForQueues.__safeguardQueues;
}

/** `enqueue("scan.account", { scanRunId })` on the process-wide producer. */
export function enqueue<N extends JobName>(name: N, data: JobData<N>, options?: JobsOptions): Promise<string | undefined> {
  return queues().enqueue(name, data, options);
}
