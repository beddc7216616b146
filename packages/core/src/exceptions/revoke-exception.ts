// Withdraws a pending or approved exception; its findings count against the score again at once.
import type { OrgTx } from "@safeguard/db/tenant";
import { recordAuditEvent } from "../audit/record-audit-event";
import { isUuid } from "../findings/ids";
import { ConflictError, NotFoundError } from "../errors";
import { applyExceptionsAndRefreshScores } from "./apply-exceptions";
import { EXCEPTION_AUDIT, type Actor } from "./exception-input";

export async function revokeException({ tx, orgId, actor, exceptionId, note, now = new Date() }: { tx: OrgTx; orgId: string; actor: Actor; exceptionId: string; note?: string; now?: Date }): Promise<{ id: string; findingsChanged: number }> {
  if (!isUuid(exceptionId)) throw new NotFoundError("Exception");
  const [ex] = await tx.$queryRaw<Array<{ id: string; status: string }>>`
    SELECT id, status::text AS status FROM exceptions WHERE id = ${exceptionId}::uuid FOR UPDATE`;
  if (!ex) throw new NotFoundError("Exception");
  if (ex.status !== "PENDING" && ex.status !== "APPROVED") throw new ConflictError(`This exception is already ${ex.status.toLowerCase()}`);
  await tx.exception.update({ where: { id: ex.id }, data: { status: "REVOKED" } });
  await recordAuditEvent(tx, orgId, {
    action: EXCEPTION_AUDIT.revoked,
    actorUserId: actor.userId,
    actorEmail: actor.email ?? null,
    targetType: "exception",
    targetId: ex.id,
    metadata: { previousStatus: ex.status, ...(note ? { note } : {}) },
  });
  const findingsChanged = ex.status === "APPROVED" ? await applyExceptionsAndRefreshScores({ tx, orgId, now }) : 0;
  return { id: ex.id, findingsChanged };
}
