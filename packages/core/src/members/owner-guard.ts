import type { OrgTx } from "@safeguard/db/tenant";
import { ConflictError } from "../errors";

/**
 * Refuses a change that would leave the organisation without an owner. Locks the owners' rows so
 * two concurrent demotions cannot each see "another owner remains".
 */
export async function assertAnotherOwnerRemains(tx: OrgTx, leavingUserId: string): Promise<void> {
  const owners = await tx.$queryRaw<Array<{ user_id: string }>>`SELECT user_id FROM memberships WHERE role = 'OWNER' FOR UPDATE`;
  if (!owners.some((o) => o.user_id !== leavingUserId)) {
    throw new ConflictError("An organisation needs at least one owner. Make someone else an owner first.");
  }
}
