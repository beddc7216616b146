// The scan's exception step: exceptions can be approved, revoked or expire between scans, so the
// account's suppression is recomputed at the end of every scan, with the one rule set (exceptions/exception-match.ts).
import type { OrgSql } from "@safeguard/db/tenant";
import { matchExceptions, totalChanged } from "../exceptions/exception-match";
import { runnerOfSql } from "./sql-runner";

/** Returns how many of the account's findings changed suppression. */
export async function applyAccountExceptions(sql: OrgSql, accountId: string): Promise<number> {
  return totalChanged(await matchExceptions(runnerOfSql(sql), { accountId }));
}
