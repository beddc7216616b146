// Someone vouches that a manual control is in place, with files that back it. The control is then
// current until lastAttestedAt + its review interval.
import type { OrgTx } from "@safeguard/db/tenant";
import { MANUAL_CONTROLS } from "@safeguard/controls/catalog";
import { recordAuditEvent } from "../audit/record-audit-event";
import { NotFoundError, ValidationError } from "../errors";
import type { Actor } from "../exceptions/exception-input";
import { DEFAULT_REVIEW_INTERVAL_DAYS } from "./list-manual-controls";
import { EVIDENCE_PURPOSE, MANUAL_AUDIT, type AttestManualControlInput } from "./manual-control-input";
import { addDays } from "./manual-control-state";

export async function attestManualControl({ tx, orgId, actor, input, now = new Date() }: { tx: OrgTx; orgId: string; actor: Actor; input: AttestManualControlInput; now?: Date }): Promise<{ id: string; nextReviewDueAt: Date }> {
  if (!MANUAL_CONTROLS.some((m) => m.citation === input.citation)) throw new NotFoundError("Manual control");
  const fileIds = [...new Set(input.evidenceFileIds)];
  if (fileIds.length) {
    const found = await tx.storedFile.count({ where: { id: { in: fileIds }, purpose: EVIDENCE_PURPOSE } });
    if (found !== fileIds.length) throw ValidationError.field("evidenceFileIds", "includes a file that was not uploaded here");
  }
  const control = await tx.manualControl.upsert({
    where: { orgId_citation: { orgId, citation: input.citation } },
    create: { orgId, citation: input.citation, reviewIntervalDays: DEFAULT_REVIEW_INTERVAL_DAYS },
    update: {},
    select: { id: true, reviewIntervalDays: true },
  });
  const nextReviewDueAt = addDays(now, control.reviewIntervalDays);
  const attestation = await tx.manualControlAttestation.create({
    data: { orgId, manualControlId: control.id, attestedById: actor.userId, statement: input.statement, evidenceFileIds: fileIds, attestedAt: now },
    select: { id: true },
  });
  await tx.manualControl.update({ where: { id: control.id }, data: { lastAttestedAt: now, nextReviewDueAt } });
  await recordAuditEvent(tx, orgId, {
    action: MANUAL_AUDIT.attested,
    actorUserId: actor.userId,
    actorEmail: actor.email ?? null,
    targetType: "manual_control",
    targetId: control.id,
    metadata: { citation: input.citation, attestationId: attestation.id, files: fileIds.length, nextReviewDueAt: nextReviewDueAt.toISOString() },
  });
  return { id: attestation.id, nextReviewDueAt };
}
