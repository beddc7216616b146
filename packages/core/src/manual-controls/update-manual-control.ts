// Sets who owns a manual control, what the organisation states about it, and how often it is reviewed.
import type { OrgTx } from "@safeguard/db/tenant";
import { MANUAL_CONTROLS } from "@safeguard/controls/catalog";
import { recordAuditEvent } from "../audit/record-audit-event";
import { NotFoundError, ValidationError } from "../errors";
import type { Actor } from "../exceptions/exception-input";
import { DEFAULT_REVIEW_INTERVAL_DAYS } from "./list-manual-controls";
import { MANUAL_AUDIT, type UpdateManualControlInput } from "./manual-control-input";
import { addDays } from "./manual-control-state";

export async function updateManualControl({ tx, orgId, actor, input }: { tx: OrgTx; orgId: string; actor: Actor; input: UpdateManualControlInput }): Promise<{ id: string }> {
  if (!MANUAL_CONTROLS.some((m) => m.citation === input.citation)) throw new NotFoundError("Manual control");
  if (input.ownerUserId) {
    const member = await tx.membership.findFirst({ where: { userId: input.ownerUserId }, select: { id: true } });
    if (!member) throw ValidationError.field("ownerUserId", "must be a member of this organisation");
  }
  const existing = await tx.manualControl.findUnique({ where: { orgId_citation: { orgId, citation: input.citation } } });
  const interval = input.reviewIntervalDays ?? existing?.reviewIntervalDays ?? DEFAULT_REVIEW_INTERVAL_DAYS;
  const data = {
    ...(input.ownerUserId !== undefined ? { ownerUserId: input.ownerUserId } : {}),
    ...(input.statement !== undefined ? { statement: input.statement } : {}),
    reviewIntervalDays: interval,
    // A changed cadence moves the due date of the last attestation.
    ...(existing?.lastAttestedAt ? { nextReviewDueAt: addDays(existing.lastAttestedAt, interval) } : {}),
  };
  const row = existing
    ? await tx.manualControl.update({ where: { id: existing.id }, data, select: { id: true } })
    : await tx.manualControl.create({ data: { orgId, citation: input.citation, ...data }, select: { id: true } });
  await recordAuditEvent(tx, orgId, {
    action: MANUAL_AUDIT.updated,
    actorUserId: actor.userId,
    actorEmail: actor.email ?? null,
    targetType: "manual_control",
    targetId: row.id,
    metadata: { citation: input.citation, ownerUserId: input.ownerUserId, reviewIntervalDays: interval, statementChanged: input.statement !== undefined },
  });
  return row;
}
