// Someone asks to accept a risk: for one finding, for one check on one account, or for every
// resource carrying a tag. The request waits for a security officer other than the requester.
import type { OrgTx } from "@safeguard/db/tenant";
import { getCheck } from "@safeguard/controls/catalog";
import { recordAuditEvent } from "../audit/record-audit-event";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { addDays } from "../manual-controls/manual-control-state";
import { EXCEPTION_AUDIT, MAX_EXPIRY_DAYS, type Actor, type RequestExceptionInput } from "./exception-input";

export function assertExpiry(expiresAt: Date, now: Date): void {
  if (Number.isNaN(expiresAt.getTime())) throw ValidationError.field("expiresAt", "must be a date");
  if (expiresAt.getTime() <= now.getTime()) throw ValidationError.field("expiresAt", "must be in the future");
  if (expiresAt.getTime() > addDays(now, MAX_EXPIRY_DAYS).getTime()) {
    throw ValidationError.field("expiresAt", `must be at most ${MAX_EXPIRY_DAYS} days away`);
  }
}

export async function requestException({ tx, orgId, actor, input, now = new Date() }: { tx: OrgTx; orgId: string; actor: Actor; input: RequestExceptionInput; now?: Date }): Promise<{ id: string }> {
  assertExpiry(input.expiresAt, now);
  const target: { findingId?: string; checkId?: string; accountId?: string; tagKey?: string; tagValue?: string } = {};
  if (input.scope === "FINDING") {
    const f = await tx.finding.findUnique({ where: { id: input.findingId }, select: { id: true } });
    if (!f) throw new NotFoundError("Finding");
    target.findingId = f.id;
  } else if (input.scope === "CHECK_ON_ACCOUNT") {
    if (!getCheck(input.checkId)) throw ValidationError.field("checkId", "is not a check in the catalog");
    const a = await tx.cloudAccount.findFirst({ where: { id: input.accountId, deletedAt: null }, select: { id: true } });
    if (!a) throw ValidationError.field("accountId", "is not an account of this organisation");
    target.checkId = input.checkId;
    target.accountId = a.id;
  } else {
    if (input.checkId && !getCheck(input.checkId)) throw ValidationError.field("checkId", "is not a check in the catalog");
    if (input.accountId) {
      const a = await tx.cloudAccount.findFirst({ where: { id: input.accountId, deletedAt: null }, select: { id: true } });
      if (!a) throw ValidationError.field("accountId", "is not an account of this organisation");
    }
    target.tagKey = input.tagKey;
    target.tagValue = input.tagValue;
    target.checkId = input.checkId;
    target.accountId = input.accountId;
  }
  // One open request or live acceptance per target: a second one would only confuse who decided what.
  const open = await tx.exception.findFirst({
    where: {
      scope: input.scope,
      findingId: target.findingId ?? null,
      checkId: target.checkId ?? null,
      accountId: target.accountId ?? null,
      tagKey: target.tagKey ?? null,
      tagValue: target.tagValue ?? null,
      OR: [{ status: "PENDING" }, { status: "APPROVED", expiresAt: { gt: now } }],
    },
    select: { id: true, status: true },
  });
  if (open) throw new ConflictError(`An exception for this scope is already ${open.status.toLowerCase()}`);

  const created = await tx.exception.create({
    data: { orgId, scope: input.scope, ...target, justification: input.justification, expiresAt: input.expiresAt, requestedById: actor.userId },
    select: { id: true },
  });
  await recordAuditEvent(tx, orgId, {
    action: EXCEPTION_AUDIT.requested,
    actorUserId: actor.userId,
    actorEmail: actor.email ?? null,
    targetType: "exception",
    targetId: created.id,
    metadata: { scope: input.scope, ...target, expiresAt: input.expiresAt.toISOString() },
  });
  return created;
}
