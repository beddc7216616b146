import type { Role } from "@safeguard/db/client";
import type { OrgTx } from "@safeguard/db/tenant";

export interface InvitationRow {
  id: string;
  email: string;
  role: Role;
  expiresAt: string;
  createdAt: string;
}

/** Invitations still waiting for an answer (not accepted, revoked or expired). The token is never readable. */
export async function listPendingInvitations(tx: OrgTx, now = new Date()): Promise<InvitationRow[]> {
  const rows = await tx.invitation.findMany({
    where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    select: { id: true, email: true, role: true, expiresAt: true, createdAt: true },
    orderBy: { createdAt: "desc" },
  });
  return rows.map((r) => ({ ...r, expiresAt: r.expiresAt.toISOString(), createdAt: r.createdAt.toISOString() }));
}
