// QUEUED runs that have waited longer than a threshold, across organisations: the watchdog checks
// that each still has a job that will run it (the enqueue after commit can fail, e.g. Redis down).
// One tenant transaction per organisation: the app role sees scan runs only through RLS.
// (A SECURITY DEFINER lookup in db/system.ts would make this one query; see the pipeline report.)
import { system } from "@safeguard/db/system";
import { withTenant } from "@safeguard/db/tenant";

export interface WaitingScan {
  scanRunId: string;
  orgId: string;
  accountId: string;
  /** tries made so far (0 = never claimed) */
  attempt: number;
}

export async function findWaitingScans({ queuedBefore }: { queuedBefore: Date }): Promise<WaitingScan[]> {
  const out: WaitingScan[] = [];
  for (const orgId of await system.allOrgIds()) {
    const runs = await withTenant(orgId, (tx) => tx.scanRun.findMany({
      where: { status: "QUEUED", queuedAt: { lt: queuedBefore } },
      select: { id: true, accountId: true, attempt: true },
      orderBy: { queuedAt: "asc" },
    }));
    for (const r of runs) out.push({ scanRunId: r.id, orgId, accountId: r.accountId, attempt: r.attempt });
  }
  return out;
}
