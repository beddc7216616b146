// Exceptions -> findings.suppressed / exception_id for the whole organisation (the rules: exception-match.ts).
// Run after every decision, revoke and lapse; the scan pipeline runs the same statement per account.
import type { OrgTx } from "@safeguard/db/tenant";
import { runnerOfTx } from "../reconcile/sql-runner";
import { matchExceptions, totalChanged } from "./exception-match";

/** Returns how many findings changed. */
export async function applyExceptions({ tx, now = new Date() }: { tx: OrgTx; now?: Date }): Promise<number> {
  return totalChanged(await matchExceptions(runnerOfTx(tx), { now }));
}
