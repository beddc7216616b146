// Exceptions -> findings.suppressed / exception_id for the whole organisation (the rules: exception-match.ts).
// Run after every decision, revoke and lapse; the scan pipeline runs the same statement per account.
import type { OrgTx } from "@safeguard/db/tenant";
import { refreshComplianceSnapshots } from "../compliance/refresh-compliance-snapshots";
import { runnerOfTx } from "../reconcile/sql-runner";
import { matchExceptions, totalChanged } from "./exception-match";

/** Returns how many findings changed. */
export async function applyExceptions({ tx, now = new Date() }: { tx: OrgTx; now?: Date }): Promise<number> {
  return totalChanged(await matchExceptions(runnerOfTx(tx), { now }));
}

/**
 * After a decision or a revoke: re-apply the rules, then refresh today's ComplianceSnapshot of the
 * accounts whose findings changed, so the overview's score and trend follow the decision at once
 * instead of at the account's next scan. Returns how many findings changed.
 */
export async function applyExceptionsAndRefreshScores({ tx, orgId, now = new Date() }: { tx: OrgTx; orgId: string; now?: Date }): Promise<number> {
  const byAccount = await matchExceptions(runnerOfTx(tx), { now });
  const changedAccounts = [...byAccount].filter(([, n]) => n > 0).map(([accountId]) => accountId).sort();
  if (changedAccounts.length) await refreshComplianceSnapshots({ tx, orgId, accountIds: changedAccounts });
  return totalChanged(byAccount);
}
