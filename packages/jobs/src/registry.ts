// The one list of background jobs: name -> queue + zod payload + defaults. Producers (web, worker,
// schedulers) and consumers (the worker) both parse through it, so a payload that does not match is
// rejected at the door instead of half-processed. Payloads carry ids only, never credentials.
import { z } from "zod";

const uuid = z.uuid();

export const QUEUE_NAMES = ["scans", "maintenance", "alerts", "evidence"] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export const scanKind = z.enum(["FULL", "INCREMENTAL"]);

export const JOBS = {
  /** Run one scan whose ScanRun row (status QUEUED) already exists. */
  "scan.account": { queue: "scans", schema: z.object({ scanRunId: uuid }) },
  /** Fired by an account's job scheduler: create a ScanRun (unless one is in flight) and enqueue it. */
  "scan.scheduled": { queue: "maintenance", schema: z.object({ accountId: uuid, kind: scanKind }) },
  /** Keeps one job scheduler per active account in line with the database (new, changed, deleted accounts). */
  "scan.schedule-tick": { queue: "maintenance", schema: z.object({}) },
  /** Finds scans whose lease expired (worker killed or hung) and retries or fails them. */
  "scan.watchdog": { queue: "maintenance", schema: z.object({}) },
  /** Moves approved exceptions past their expiry to EXPIRED and lifts their suppression. */
  "exceptions.lapse": { queue: "maintenance", schema: z.object({}) },
  /** Delivers one outbox notification (issue: alerts). */
  "alerts.deliver": { queue: "alerts", schema: z.object({ notificationId: uuid }) },
  /** Builds one evidence pack (issue: evidence). */
  "evidence.build": { queue: "evidence", schema: z.object({ evidencePackId: uuid }) },
} as const satisfies Record<string, { queue: QueueName; schema: z.ZodType }>;

export type JobName = keyof typeof JOBS;
export type JobData<N extends JobName> = z.infer<(typeof JOBS)[N]["schema"]>;

export function isJobName(name: string): name is JobName {
  return Object.prototype.hasOwnProperty.call(JOBS, name);
}

export type ParsedJob = { [N in JobName]: { name: N; data: JobData<N> } }[JobName];

/** Consumer side: a known name with a valid payload, or the reason it is not one (log and drop). */
export function parseJob(name: string, data: unknown): { ok: true; job: ParsedJob } | { ok: false; reason: string } {
  if (!isJobName(name)) return { ok: false, reason: `unknown job name "${name}"` };
  const parsed = JOBS[name].schema.safeParse(data);
  if (!parsed.success) return { ok: false, reason: `invalid payload for ${name}: ${parsed.error.message}` };
  return { ok: true, job: { name, data: parsed.data } as ParsedJob };
}
