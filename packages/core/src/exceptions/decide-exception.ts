// A security officer approves or rejects a pending exception. Four-eyes: the requester cannot
// decide their own request. Approval suppresses the matching findings at once.
import type { OrgTx } from "@safeguard/db/tenant";
import { recordAuditEvent } from "../audit/record-audit-event";
import { isUuid } from "../findings/ids";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { applyExceptionsAndRefreshScores } from "./apply-exceptions";
import { EXCEPTION_AUDIT, type Actor, type DecideExceptionInput } from "./exception-input";

export async function decideException({ tx, orgId, actor, input, now = new Date() }: { tx: OrgTx; orgId: string; actor: Actor; input: DecideExceptionInput; now?: Date }): Promise<{ id: string; status: string; findingsChanged: number }> {
  if (!isUuid(input.exceptionId)) throw new NotFoundError("Exception");
  // FOR UPDATE: two officers deciding at once must not both succeed.
  const [ex] = await tx.$queryRaw<Array<{ id: string; status: string; requested_by_id: string; expires_at: Date }>>`
    SELECT id, status::text AS status, requested_by_id, expires_at FROM exceptions WHERE id = ${input.exceptionId}::uuid FOR UPDATE`;
  if (!ex) throw new NotFoundError("Exception");
  if (ex.status !== "PENDING") throw new ConflictError(`This exception is already ${ex.status.toLowerCase()}`);
  if (ex.requested_by_id === actor.userId) throw new ConflictError("A different security officer must decide on your own request");
  if (input.decision === "APPROVED" && ex.expires_at.getTime() <= now.getTime()) {
    throw ValidationError.field("expiresAt", "has already passed: ask for a new exception with a later expiry");
  }
  await tx.exception.update({
    where: { id: ex.id },
    data: { status: input.decision, decidedById: actor.userId, decidedAt: now, decisionNote: input.note ?? null },
  });
  await recordAuditEvent(tx, orgId, {
    action: input.decision === "APPROVED" ? EXCEPTION_AUDIT.approved : EXCEPTION_AUDIT.rejected,
    actorUserId: actor.userId,
    actorEmail: actor.email ?? null,
    targetType: "exception",
    targetId: ex.id,
    metadata: input.note ? { note: input.note } : {},
  });
  const findingsChanged = input.decision === "APPROVED" ? await applyExceptionsAndRefreshScores({ tx, orgId, now }) : 0;
  return { id: ex.id, status: input.decision, findingsChanged };
}
