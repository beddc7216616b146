// Job options in one frozen place. Retries are for transient trouble (network, Redis failover);
// errors that retrying cannot fix (bad role, wrong secret) are thrown as UnrecoverableError by the
// processor, so they fail once and never turn into a retry storm.
import type { JobsOptions } from "bullmq";
import type { JobName } from "./registry";

const KEEP = { removeOnComplete: { age: 24 * 3600, count: 1000 }, removeOnFail: { age: 7 * 24 * 3600, count: 5000 } };

export const JOB_DEFAULTS: Readonly<Record<JobName, Readonly<JobsOptions>>> = Object.freeze({
  "scan.account": { attempts: 3, backoff: { type: "exponential", delay: 30_000 }, ...KEEP },
  "scan.scheduled": { attempts: 2, backoff: { type: "exponential", delay: 5_000 }, ...KEEP },
  "scan.schedule-tick": { attempts: 1, ...KEEP },
  "scan.watchdog": { attempts: 1, ...KEEP },
  "exceptions.lapse": { attempts: 3, backoff: { type: "exponential", delay: 10_000 }, ...KEEP },
  "alerts.deliver": { attempts: 8, backoff: { type: "exponential", delay: 15_000 }, ...KEEP },
  "evidence.build": { attempts: 2, backoff: { type: "exponential", delay: 30_000 }, ...KEEP },
});

/** How often the maintenance jobs run (job schedulers, created by the worker at start). */
export const MAINTENANCE_EVERY_MS = Object.freeze({
  "scan.schedule-tick": 60_000,
  "scan.watchdog": 15_000,
  "exceptions.lapse": 5 * 60_000,
} as const);
