import "server-only";
import { listPendingInvitations, type InvitationRow } from "@safeguard/core/members/list-invitations";
import { listMembers, type MemberRow } from "@safeguard/core/members/list-members";
import type { OrgTx } from "@safeguard/db/tenant";

export interface MembersView {
  members: MemberRow[];
  invitations: InvitationRow[];
}

export async function membersForView(tx: OrgTx, includeInvitations: boolean): Promise<MembersView> {
  const [members, invitations] = await Promise.all([listMembers(tx), includeInvitations ? listPendingInvitations(tx) : Promise.resolve([])]);
  return { members, invitations };
}
