import { system } from "@safeguard/db/system";
import { withTenant, type OrgTx } from "@safeguard/db/tenant";
import type { Prisma } from "@safeguard/db/client";

/** Who did it and from where. Never put secrets (passwords, codes, tokens) in metadata. */
export interface AuditEvent {
  action: string;
  actorUserId?: string | null;
  actorEmail?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  metadata?: Record<string, unknown>;
  ip?: string | null;
  userAgent?: string | null;
}

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

/** Appends one tenant event inside the caller's transaction (so it commits or rolls back with the change). */
export async function recordAuditEvent(tx: OrgTx, orgId: string, event: AuditEvent): Promise<void> {
  await tx.auditLog.create({
    data: {
      orgId,
      action: event.action,
      actorUserId: event.actorUserId ?? null,
      actorEmail: event.actorEmail ?? null,
      targetType: event.targetType ?? null,
      targetId: event.targetId ?? null,
      metadata: (event.metadata ?? {}) as Prisma.InputJsonValue,
      ip: event.ip ?? null,
      userAgent: event.userAgent?.slice(0, 400) ?? null,
    },
  });
}

/**
 * A user-level event (sign-in, MFA change) belongs to every organisation the user is a member of:
 * each one's administrators see it in their own log. A user in no organisation (or an unknown
 * email) produces a platform event that no tenant can read.
 */
export async function recordUserAuditEvent(userId: string | null, event: AuditEvent): Promise<void> {
  const memberships = userId ? await system.membershipsOfUser(userId) : [];
  if (memberships.length === 0) {
    await system.auditPlatformEvent({ action: event.action, actorEmail: event.actorEmail, ip: event.ip, userAgent: event.userAgent, metadata: { ...event.metadata, actorUserId: userId } });
    return;
  }
  for (const m of memberships) {
    await withTenant(m.org_id, (tx) => recordAuditEvent(tx, m.org_id, { ...event, actorUserId: event.actorUserId ?? userId }));
  }
}
