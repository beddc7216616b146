// Approved exceptions whose expiry has passed become EXPIRED, each lapse is audited, and the
// findings they covered count again. Called on a schedule and at the end of every scan.
import type { OrgTx } from "@safeguard/db/tenant";
import { runnerOfTx } from "../reconcile/sql-runner";
import { EXCEPTION_AUDIT } from "./exception-input";
import { matchExceptions, totalChanged } from "./exception-match";

/** `accountIds`: the accounts whose findings changed suppression (their scores move: refresh their day's roll-up). */
export async function lapseExpiredExceptions({ tx, now = new Date() }: { tx: OrgTx; now?: Date }): Promise<{ lapsed: number; findingsChanged: number; accountIds: string[] }> {
  const lapsed = await tx.$queryRaw<Array<{ id: string; org_id: string; expires_at: Date; scope: string }>>`
    UPDATE exceptions SET status = 'EXPIRED' WHERE status = 'APPROVED' AND expires_at <= ${now}
    RETURNING id, org_id, expires_at, scope::text AS scope`;
  if (lapsed.length) {
    await tx.auditLog.createMany({
      data: lapsed.map((e) => ({
        orgId: e.org_id,
        action: EXCEPTION_AUDIT.expired,
        targetType: "exception",
        targetId: e.id,
        metadata: { scope: e.scope, expiresAt: e.expires_at.toISOString() },
      })),
    });
  }
  // Even with nothing lapsing now, a finding may still carry an exception that lapsed earlier.
  const byAccount = await matchExceptions(runnerOfTx(tx), { now });
  return { lapsed: lapsed.length, findingsChanged: totalChanged(byAccount), accountIds: [...byAccount.keys()].sort() };
}
