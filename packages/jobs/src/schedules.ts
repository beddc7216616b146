// One BullMQ job scheduler per account and scan kind, kept in line with the database by the
// schedule tick. Scheduler ids are derived from the account id, so upserting is idempotent and two
// workers running the tick at once converge on the same schedulers.
import type { Queues } from "./queues";
import { JOB_DEFAULTS } from "./defaults";

export const MIN_INTERVAL_MINUTES = 15;
export const MAX_INTERVAL_MINUTES = 7 * 24 * 60;

export interface AccountCadence {
  accountId: string;
  /** full scans: default 360 (every 6 hours), 60 (hourly) to 10080 (weekly) */
  fullIntervalMinutes: number;
  /** incremental scans between full ones; null = none */
  quickIntervalMinutes: number | null;
}

const schedulerId = (accountId: string, kind: "full" | "quick") => `scan-${kind}-${accountId}`;

export function clampInterval(minutes: number): number {
  return Math.min(MAX_INTERVAL_MINUTES, Math.max(MIN_INTERVAL_MINUTES, Math.round(minutes)));
}

/** Upserts the schedulers of the given accounts and removes those of accounts no longer listed. */
export async function syncAccountSchedules(queues: Queues, accounts: AccountCadence[]): Promise<{ upserted: number; removed: number }> {
  const q = queues.queue("maintenance");
  const wanted = new Map<string, { every: number; kind: "FULL" | "INCREMENTAL"; accountId: string }>();
  for (const a of accounts) {
    const full = clampInterval(a.fullIntervalMinutes);
    wanted.set(schedulerId(a.accountId, "full"), { every: full * 60_000, kind: "FULL", accountId: a.accountId });
    if (a.quickIntervalMinutes !== null && clampInterval(a.quickIntervalMinutes) < full) {
      wanted.set(schedulerId(a.accountId, "quick"), { every: clampInterval(a.quickIntervalMinutes) * 60_000, kind: "INCREMENTAL", accountId: a.accountId });
    }
  }
  const existing = new Map<string, number | undefined>();
  for (let start = 0; ; start += 1000) {
    const page = await q.getJobSchedulers(start, start + 999, true);
    for (const s of page) if (s.key.startsWith("scan-")) existing.set(s.key, s.every ?? undefined);
    if (page.length < 1000) break;
  }
  let upserted = 0;
  let removed = 0;
  for (const [id, w] of wanted) {
    if (existing.get(id) === w.every) continue;
    await q.upsertJobScheduler(id, { every: w.every }, {
      name: "scan.scheduled",
      data: { accountId: w.accountId, kind: w.kind },
      opts: { ...JOB_DEFAULTS["scan.scheduled"] },
    });
    upserted++;
  }
  for (const id of existing.keys()) {
    if (wanted.has(id)) continue;
    await q.removeJobScheduler(id);
    removed++;
  }
  return { upserted, removed };
}
