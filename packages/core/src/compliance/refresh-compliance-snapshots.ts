// Recomputes the day's ComplianceSnapshot of the given accounts outside a scan: when suppression
// changes without a scan (an exception lapses), the score of the day must follow at once rather than
// at the account's next scan.
import type { OrgTx } from "@safeguard/db/tenant";
import { rollUpComplianceSnapshot } from "../reconcile/compliance-rollup";
import { runnerOfTx } from "../reconcile/sql-runner";

export async function refreshComplianceSnapshots({ tx, orgId, accountIds }: { tx: OrgTx; orgId: string; accountIds: readonly string[] }): Promise<number> {
  const db = runnerOfTx(tx);
  for (const accountId of accountIds) await rollUpComplianceSnapshot(db, orgId, accountId);
  return accountIds.length;
}
