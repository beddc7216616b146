import type { OrgTx } from "@safeguard/db/tenant";
import { NotFoundError } from "../errors";
import { scanRunSelect, toScanRunView, type ScanRunView } from "./scan-run-view";

/** The account's most recent scans, newest first (uses the (org, account, queued_at desc) index). */
export async function findScanHistory({ tx, accountId, limit = 10 }: { tx: OrgTx; accountId: string; limit?: number }): Promise<ScanRunView[]> {
  const account = await tx.cloudAccount.findFirst({ where: { id: accountId, deletedAt: null }, select: { orgId: true } });
  if (!account) throw new NotFoundError("Account");
  const runs = await tx.scanRun.findMany({
    where: { orgId: account.orgId, accountId },
    orderBy: { queuedAt: "desc" },
    take: Math.min(Math.max(limit, 1), 50),
    select: scanRunSelect,
  });
  return runs.map(toScanRunView);
}
