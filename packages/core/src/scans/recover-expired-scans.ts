// The watchdog: scans whose lease ran out belong to a worker that died or hung. Each goes back to
// QUEUED (and is re-enqueued by the caller) while attempts remain, else FAILED with a plain reason,
// so no scan stays "running" forever. Whatever the dead worker had not committed was rolled back.
import { system } from "@safeguard/db/system";
import { withTenant } from "@safeguard/db/tenant";

export const MAX_SCAN_ATTEMPTS = 3;

export interface RecoveredScan {
  scanRunId: string;
  orgId: string;
  accountId: string;
  outcome: "requeued" | "failed";
  /** tries made so far: the requeued run's job id is derived from it (@safeguard/jobs/scan-jobs) */
  attempt: number;
}

export async function recoverExpiredScans({ now = new Date(), maxAttempts = MAX_SCAN_ATTEMPTS } = {}): Promise<RecoveredScan[]> {
  const expired = await system.expiredScanLeases(now);
  const out: RecoveredScan[] = [];
  const attempts = new Map<string, number>();
  for (const e of expired) {
    const outcome = await withTenant(e.org_id, async (tx) => {
      const run = await tx.scanRun.findUnique({ where: { id: e.scan_run_id }, select: { attempt: true } });
      if (!run) return null;
      const retry = run.attempt < maxAttempts;
      // The condition repeats the watchdog's test, so a worker that renewed just now keeps its scan.
      const n = await tx.scanRun.updateMany({
        where: { id: e.scan_run_id, status: "RUNNING", leaseExpiresAt: { lt: now } },
        data: retry
          ? { status: "QUEUED", phase: "QUEUED", leaseOwner: null, leaseExpiresAt: null, progressMessage: "The worker stopped responding; retrying", errorCode: "WORKER_LOST" }
          : { status: "FAILED", phase: "DONE", leaseOwner: null, leaseExpiresAt: null, finishedAt: new Date(), errorCode: "WORKER_LOST",
              error: `The scan stopped responding ${run.attempt} times (worker killed or hung); it was stopped. The next scheduled scan will try again.` },
      });
      if (n.count !== 1) return null;
      attempts.set(e.scan_run_id, run.attempt);
      if (!retry) {
        await tx.cloudAccount.update({
          where: { id: e.account_id },
          data: { lastError: "The last scan stopped responding and was stopped; the next scheduled scan will try again.", lastErrorCode: "WORKER_LOST", lastErrorAt: new Date(), lastScanId: e.scan_run_id },
        });
      }
      return retry ? ("requeued" as const) : ("failed" as const);
    });
    if (outcome) out.push({ scanRunId: e.scan_run_id, orgId: e.org_id, accountId: e.account_id, outcome, attempt: attempts.get(e.scan_run_id) ?? 0 });
  }
  return out;
}
