// scan.account: run one queued scan. Order matters: take an organisation slot (fairness), claim the
// lease (single flight: a second delivery finds nothing to claim), then collect -> evaluate ->
// reconcile in one transaction while a heartbeat keeps the lease and watches for "cancel".
import { DelayedError, UnrecoverableError, type Job } from "bullmq";
import type { OrgGate } from "@safeguard/jobs/org-gate";
import { AccountAccessError, classifyCloudError, configNotEnabled, type CloudErrorInfo } from "@safeguard/core/accounts/account-errors";
import { executeScan } from "@safeguard/core/scans/execute-scan";
import { failScan, LeaseLostError } from "@safeguard/core/scans/finish-scan";
import { claimScan, heartbeatScan, reportScanProgress, type ScanProgress } from "@safeguard/core/scans/lease";
import type { PipelineResult } from "@safeguard/core/scans/run-scan";
import { loadScanTarget } from "@safeguard/core/scans/scan-target";
import { system } from "@safeguard/db/system";
import { withTenant } from "@safeguard/db/tenant";
import type { WorkerEnv } from "../env";
import { log } from "../log";
import { scanSource } from "../scan-source";

export class ScanStopped extends Error {
  constructor(readonly why: "cancelled" | "lease-lost") {
    super(why === "cancelled" ? "Cancelled by a user" : "Lease lost");
    this.name = "ScanStopped";
  }
}

export interface ScanDeps {
  env: WorkerEnv;
  gate: OrgGate;
}

const isCloudError = (e: unknown): e is CloudErrorInfo & Error =>
  e instanceof Error && e.name === "CloudCallError" && typeof (e as unknown as CloudErrorInfo).provider === "string";

/** No recorder in any region in scope: the scan still records what it saw, and the account says why it is blind. */
function accountProblem(r: PipelineResult) {
  const regional = r.coverage.filter((c) => c.region !== "global");
  if (regional.length > 0 && regional.every((c) => c.status === "no-recorder")) {
    const e = configNotEnabled(regional.map((c) => c.region));
    return { status: e.status, message: e.message };
  }
  return null;
}

export async function processScanAccount(job: Job, token: string | undefined, scanRunId: string, deps: ScanDeps): Promise<string> {
  const { env, gate } = deps;
  const orgId = await system.orgOfScanRun(scanRunId);
  if (!orgId) {
    log("warn", "scan run not found; dropping job", { scanRunId, jobId: job.id });
    return "missing";
  }
  if (!(await gate.acquire(orgId, scanRunId))) {
    // The organisation is at its limit: step aside so other tenants' scans run first.
    await job.moveToDelayed(Date.now() + env.SAFEGUARD_FAIRNESS_BACKOFF_MS + Math.floor(Math.random() * 250), token);
    throw new DelayedError();
  }
  const owner = `${env.SAFEGUARD_WORKER_ID}:${job.id}`;
  try {
    const claimed = await withTenant(orgId, (tx) => claimScan({ tx, scanRunId, owner, leaseMs: env.SAFEGUARD_SCAN_LEASE_MS }));
    if (!claimed) {
      log("info", "scan already finished, cancelled or running elsewhere; nothing to do", { scanRunId, jobId: job.id });
      return "not-claimed";
    }
    log("info", "scan started", { scanRunId, orgId, accountId: claimed.accountId, kind: claimed.kind, attempt: claimed.attempt, worker: env.SAFEGUARD_WORKER_ID });
    return await runClaimed(job, orgId, scanRunId, owner, claimed, deps);
  } finally {
    await gate.release(orgId, scanRunId).catch(() => undefined);
  }
}

async function runClaimed(job: Job, orgId: string, scanRunId: string, owner: string, claimed: { accountId: string; kind: "FULL" | "INCREMENTAL" }, deps: ScanDeps): Promise<string> {
  const { env, gate } = deps;
  const stop = new AbortController();
  const started = Date.now();
  let pending: ScanProgress = {};
  let flushing: Promise<void> = Promise.resolve();
  const flushProgress = () => {
    const p = pending;
    pending = {};
    if (Object.keys(p).length === 0) return flushing;
    flushing = flushing.then(() => withTenant(orgId, (tx) => reportScanProgress({ tx, scanRunId, owner, progress: p }))).catch(() => undefined);
    return flushing;
  };
  const beat = setInterval(() => {
    void (async () => {
      try {
        const hb = await withTenant(orgId, (tx) => heartbeatScan({ tx, scanRunId, owner, leaseMs: env.SAFEGUARD_SCAN_LEASE_MS }));
        await gate.renew(orgId, scanRunId);
        if (hb.leaseLost) stop.abort(new ScanStopped("lease-lost"));
        else if (hb.cancelRequested) stop.abort(new ScanStopped("cancelled"));
        await flushProgress();
      } catch (error) {
        log("warn", "heartbeat failed", { scanRunId, error: (error as Error).message });
      }
    })();
  }, env.SAFEGUARD_SCAN_HEARTBEAT_MS);
  try {
    const target = await withTenant(orgId, (tx) => loadScanTarget({ tx, accountId: claimed.accountId }));
    const { status, result, statistics } = await executeScan({
      scanRunId, owner, kind: claimed.kind, target,
      source: scanSource(env, target, claimed.kind, scanRunId, stop.signal),
      checkpoint: async () => {
        if (stop.signal.aborted) throw stop.signal.reason as Error;
      },
      progress: (p) => {
        pending = {
          ...pending,
          ...(p.phase ? { phase: p.phase } : {}),
          ...(p.message !== undefined ? { message: p.message } : {}),
          ...(p.collected !== undefined ? { resourcesCollected: p.collected } : {}),
          ...(p.evaluated !== undefined ? { resourcesEvaluated: p.evaluated } : {}),
          ...(p.coverage ? { regionCoverage: p.coverage } : {}),
          ...(p.errors ? { errors: p.errors } : {}),
        };
      },
      accountProblem,
    });
    log("info", "scan finished", { scanRunId, status, collected: result.collected, changed: result.changed, evaluated: result.evaluated, timings: result.timings, events: result.reconcile.events });
    if (statistics && "error" in statistics) log("warn", "refreshing planner statistics after the scan failed; autovacuum will", { scanRunId, error: statistics.error });
    return status;
  } catch (error) {
    const outcome = await handleFailure(job, orgId, scanRunId, owner, claimed.accountId, error, Date.now() - started);
    if (outcome.kind === "stopped") return outcome.why;
    // Final failures must not be retried by BullMQ (no retry storm on a wrong role or secret).
    if (outcome.kind === "final") throw new UnrecoverableError(outcome.message);
    throw error;
  } finally {
    clearInterval(beat);
    await flushing;
  }
}

type FailureOutcome = { kind: "stopped"; why: string } | { kind: "retry" } | { kind: "final"; message: string };

async function handleFailure(job: Job, orgId: string, scanRunId: string, owner: string, accountId: string, error: unknown, totalMs: number): Promise<FailureOutcome> {
  const timings = { totalMs };
  if (error instanceof ScanStopped || error instanceof LeaseLostError) {
    if (error instanceof ScanStopped && error.why === "cancelled") {
      await withTenant(orgId, (tx) => failScan({ tx, f: { scanRunId, accountId, owner, status: "CANCELLED", code: "CANCELLED", message: "Cancelled by a user", accountStatus: null, timings } }));
      log("info", "scan cancelled", { scanRunId });
      return { kind: "stopped", why: "cancelled" };
    }
    log("warn", "scan lost its lease; another worker or the watchdog owns it now", { scanRunId });
    return { kind: "stopped", why: "lease-lost" };
  }
  const classified = error instanceof AccountAccessError ? error : isCloudError(error) ? classifyCloudError(error) : null;
  const attemptsLeft = (job.opts.attempts ?? 1) - job.attemptsMade - 1 > 0;
  const retry = attemptsLeft && (classified ? classified.retryable : true);
  const message = classified ? classified.message : `Unexpected error: ${(error as Error)?.message ?? String(error)}`;
  await withTenant(orgId, (tx) => failScan({ tx, f: {
    scanRunId, accountId, owner, status: retry ? "QUEUED" : "FAILED",
    code: classified?.status ?? "INTERNAL", message, accountStatus: classified && !classified.retryable ? classified.status : null, timings,
  } }));
  log(retry ? "warn" : "error", "scan failed", { scanRunId, code: classified?.status ?? "INTERNAL", retry, detail: classified?.detail ?? (error as Error)?.stack });
  return retry ? { kind: "retry" } : { kind: "final", message };
}
