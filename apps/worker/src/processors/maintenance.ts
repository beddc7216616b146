// The periodic jobs: keep account schedulers in line, recover dead and stranded scans, lapse exceptions.
import type { Queues } from "@safeguard/jobs/queues";
import { syncAccountSchedules } from "@safeguard/jobs/schedules";
import { refreshComplianceSnapshots } from "@safeguard/core/compliance/refresh-compliance-snapshots";
import { lapseExpiredExceptions } from "@safeguard/core/exceptions/lapse-expired-exceptions";
import { findWaitingScans } from "@safeguard/core/scans/find-waiting-scans";
import { recoverExpiredScans } from "@safeguard/core/scans/recover-expired-scans";
import { enqueueScanJob, hasLiveScanJob } from "@safeguard/jobs/scan-jobs";
import { system } from "@safeguard/db/system";
import { withTenant } from "@safeguard/db/tenant";
import { log } from "../log";

export async function processScheduleTick(queues: Queues): Promise<{ upserted: number; removed: number }> {
  const accounts = await system.accountsToSchedule();
  return syncAccountSchedules(queues, accounts.map((a) => ({
    accountId: a.account_id, fullIntervalMinutes: a.full_interval_minutes, quickIntervalMinutes: a.quick_interval_minutes,
  })));
}

/** How long a QUEUED run may go without a live job before the watchdog enqueues one. */
export const STRANDED_AFTER_MS = 60_000;

/**
 * Scans whose lease expired go back to the queue (or fail); QUEUED runs older than `strandedAfterMs`
 * with no live job (the enqueue after commit failed: Redis down, process killed) get one. Job ids are
 * deterministic (scan-jobs.ts), so two watchdogs or a late original enqueue never run a scan twice.
 */
export async function processWatchdog(queues: Queues, { strandedAfterMs = STRANDED_AFTER_MS, now = new Date() } = {}): Promise<{ recovered: number; stranded: number }> {
  const recovered = await recoverExpiredScans({ now });
  for (const r of recovered) {
    log("warn", r.outcome === "requeued" ? "watchdog: scan lease expired; retrying" : "watchdog: scan lease expired too often; failed", { ...r });
    if (r.outcome === "requeued") await enqueueScanJob(queues, r.scanRunId, r.attempt);
  }
  let stranded = 0;
  for (const w of await findWaitingScans({ queuedBefore: new Date(now.getTime() - strandedAfterMs) })) {
    if (await hasLiveScanJob(queues, w.scanRunId, w.attempt)) continue;
    const { jobId, enqueued } = await enqueueScanJob(queues, w.scanRunId, w.attempt);
    if (enqueued) {
      stranded++;
      log("warn", "watchdog: queued scan had no job; enqueued it", { ...w, jobId });
    }
  }
  return { recovered: recovered.length, stranded };
}

/**
 * Lapses expired exceptions (audited), re-applies the rules, and refreshes the day's roll-up of every
 * account whose findings count again, in one transaction per organisation. Returns how many lapsed.
 */
export async function processExceptionsLapse({ now }: { now?: Date } = {}): Promise<number> {
  let total = 0;
  for (const orgId of await system.allOrgIds()) {
    total += await withTenant(orgId, async (tx) => {
      const r = await lapseExpiredExceptions({ tx, now });
      await refreshComplianceSnapshots({ tx, orgId, accountIds: r.accountIds });
      if (r.lapsed > 0) log("info", "exceptions lapsed", { orgId, lapsed: r.lapsed, findingsChanged: r.findingsChanged, accounts: r.accountIds.length });
      return r.lapsed;
    }, { timeoutMs: 120_000 });
  }
  return total;
}
