// The periodic jobs: keep account schedulers in line, recover dead scans, lapse exceptions.
import type { Queues } from "@safeguard/jobs/queues";
import { syncAccountSchedules } from "@safeguard/jobs/schedules";
import { applyExceptions, lapseExpiredExceptions } from "@safeguard/core/reconcile/apply-exceptions";
import { recoverExpiredScans } from "@safeguard/core/scans/recover-expired-scans";
import { system } from "@safeguard/db/system";
import { withTenantSql } from "@safeguard/db/tenant";
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

export async function processExceptionsLapse(): Promise<number> {
  let total = 0;
  for (const orgId of await system.allOrgIds()) {
    total += await withTenantSql(orgId, async (sql) => {
      const lapsed = await lapseExpiredExceptions(sql);
      if (lapsed > 0) await applyExceptions(sql, null);
      return lapsed;
    });
  }
  return total;
}
