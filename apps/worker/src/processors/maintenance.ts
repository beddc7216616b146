// The periodic jobs: keep account schedulers in line, recover dead scans, lapse exceptions.
import type { Queues } from "@safeguard/jobs/queues";
import { syncAccountSchedules } from "@safeguard/jobs/schedules";
import { refreshComplianceSnapshots } from "@safeguard/core/compliance/refresh-compliance-snapshots";
import { lapseExpiredExceptions } from "@safeguard/core/exceptions/lapse-expired-exceptions";
import { recoverExpiredScans } from "@safeguard/core/scans/recover-expired-scans";
import { system } from "@safeguard/db/system";
import { withTenant } from "@safeguard/db/tenant";
import { log } from "../log";

export async function processScheduleTick(queues: Queues): Promise<{ upserted: number; removed: number }> {
  const accounts = await system.accountsToSchedule();
  return syncAccountSchedules(queues, accounts.map((a) => ({
    accountId: a.account_id, fullIntervalMinutes: a.full_interval_minutes, quickIntervalMinutes: a.quick_interval_minutes,
  })));
}

export async function processWatchdog(queues: Queues): Promise<number> {
  const recovered = await recoverExpiredScans();
  for (const r of recovered) {
    log("warn", r.outcome === "requeued" ? "watchdog: scan lease expired; retrying" : "watchdog: scan lease expired too often; failed", { ...r });
    if (r.outcome === "requeued") await queues.enqueue("scan.account", { scanRunId: r.scanRunId }, { jobId: `${r.scanRunId}-recovered-${Date.now()}` });
  }
  return recovered.length;
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
