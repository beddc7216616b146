// The scan's exception step: exceptions can be approved, revoked or expire between scans, so the
// account's suppression is recomputed at the end of every scan, with the one rule set (exceptions/exception-match.ts).
import type { OrgSql } from "@safeguard/db/tenant";
import { matchExceptions, totalChanged } from "../exceptions/exception-match";
import { runnerOfSql } from "./sql-runner";

/** Returns how many of the account's findings changed suppression. */
export async function applyAccountExceptions(sql: OrgSql, accountId: string): Promise<number> {
  // Only an APPROVED exception (unexpired, or expired but not lapsed yet) can suppress a finding or
  // leave one to clear: deciding, revoking and lapsing re-apply the rules to the whole organisation
  // in their own transaction. Without one there is nothing to do, and the step would otherwise read
  // every finding of the account (~2 s at 570k findings) to learn that.
  const { rows } = await sql.query<{ any: boolean }>("SELECT EXISTS (SELECT 1 FROM exceptions WHERE status = 'APPROVED') AS any");
  if (!rows[0]?.any) return 0;
  return totalChanged(await matchExceptions(runnerOfSql(sql), { accountId }));
}
