import type { Role } from "@safeguard/db/client";
import type { OrgTx } from "@safeguard/db/tenant";

export interface MemberRow {
  membershipId: string;
  userId: string;
  email: string;
  name: string;
  role: Role;
  mfaEnabled: boolean;
  lastSignInAt: string | null;
  joinedAt: string;
}

export async function listMembers(tx: OrgTx): Promise<MemberRow[]> {
  const rows = await tx.membership.findMany({
    include: { user: { select: { email: true, name: true, mfaEnabledAt: true, lastSignInAt: true } } },
    orderBy: [{ createdAt: "asc" }],
  });
  return rows.map((m) => ({
    membershipId: m.id,
    userId: m.userId,
    email: m.user.email,
    name: m.user.name,
    role: m.role,
    mfaEnabled: m.user.mfaEnabledAt != null,
    lastSignInAt: m.user.lastSignInAt?.toISOString() ?? null,
    joinedAt: m.createdAt.toISOString(),
  }));
}
