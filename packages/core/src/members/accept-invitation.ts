import { z } from "zod";
import { prisma } from "@safeguard/db/client";
import type { Role } from "@safeguard/db/client";
import { system } from "@safeguard/db/system";
import { withTenant } from "@safeguard/db/tenant";
import { AUDIT_ACTIONS } from "../audit/actions";
import { recordAuditEvent, type RequestMeta } from "../audit/record-audit-event";
import { hashPassword } from "../auth/password";
import { assertPasswordAcceptable } from "../auth/password-rules";
import { normaliseEmail } from "../auth/session-user";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { uuidV7 } from "../orgs/uuid-v7";
import { hashInvitationToken } from "./invitation-token";

export type InvitationStatus = "valid" | "expired" | "accepted" | "revoked";

export interface InvitationPreview {
  orgName: string;
  orgSlug: string;
  email: string;
  role: Role;
  status: InvitationStatus;
  /** the invitee already has a Safeguard login (sign in to accept) */
  userExists: boolean;
}

async function lookup(token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  return system.invitationByTokenHash(hashInvitationToken(token));
}

function statusOf(inv: { expires_at: Date; accepted_at: Date | null; revoked_at: Date | null }, now: Date): InvitationStatus {
  if (inv.accepted_at) return "accepted";
  if (inv.revoked_at) return "revoked";
  return new Date(inv.expires_at) <= now ? "expired" : "valid";
}

/** What the invitation page shows. Unknown tokens are NotFound (nothing else is revealed). */
export async function getInvitationPreview(token: string, now = new Date()): Promise<InvitationPreview> {
  const inv = await lookup(token);
  if (!inv) throw new NotFoundError("Invitation");
  const org = await withTenant(inv.org_id, (tx) => tx.organization.findUniqueOrThrow({ where: { id: inv.org_id }, select: { name: true, slug: true } }));
  const userExists = (await prisma().user.count({ where: { email: inv.email } })) > 0;
  return { orgName: org.name, orgSlug: org.slug, email: inv.email, role: inv.role as Role, status: statusOf(inv, now), userExists };
}

export const acceptInvitationSchema = z.object({
  token: z.string().min(1),
  name: z.string().trim().min(1, "Enter your name.").max(100).optional(),
  password: z.string().max(200).optional(),
});

/**
 * Accepts an invitation. A signed-in user must be the invited address; otherwise a new user is
 * created with the given name and password (an existing address must sign in first, so nobody can
 * join as someone else by holding the link).
 */
export async function acceptInvitation(
  args: { token: string; signedInUserId: string | null; newUser?: { name?: string; password?: string } },
  meta: RequestMeta,
  now = new Date(),
): Promise<{ orgSlug: string; userId: string; createdUser: boolean }> {
  const inv = await lookup(args.token);
  if (!inv) throw new NotFoundError("Invitation");
  const status = statusOf(inv, now);
  if (status !== "valid") throw new ConflictError(status === "expired" ? "This invitation has expired. Ask for a new one." : `This invitation has been ${status}.`);
  const email = normaliseEmail(inv.email);

  let userId: string;
  let createdUser = false;
  if (args.signedInUserId) {
    const me = await prisma().user.findUnique({ where: { id: args.signedInUserId }, select: { email: true } });
    if (!me || normaliseEmail(me.email) !== email) throw new ConflictError(`This invitation is for ${email}. Sign in with that address to accept it.`);
    userId = args.signedInUserId;
  } else {
    if (await prisma().user.count({ where: { email } })) throw new ConflictError("You already have a Safeguard login. Sign in, then open the invitation link again.");
    const name = args.newUser?.name?.trim();
    if (!name) throw ValidationError.field("name", "Enter your name.");
    assertPasswordAcceptable(args.newUser?.password ?? "", { email });
    userId = uuidV7();
    await prisma().user.create({ data: { id: userId, email, name, passwordHash: await hashPassword(args.newUser!.password!) } });
    createdUser = true;
  }

  const orgSlug = await withTenant(inv.org_id, async (tx) => {
    const { count } = await tx.invitation.updateMany({ where: { id: inv.id, acceptedAt: null, revokedAt: null }, data: { acceptedAt: now } });
    if (count === 0) throw new ConflictError("This invitation has already been used.");
    await tx.membership.upsert({ where: { orgId_userId: { orgId: inv.org_id, userId } }, create: { orgId: inv.org_id, userId, role: inv.role as Role }, update: {} });
    await recordAuditEvent(tx, inv.org_id, { action: AUDIT_ACTIONS.invitationAccepted, actorUserId: userId, actorEmail: email, targetType: "invitation", targetId: inv.id, metadata: { role: inv.role, createdUser }, ...meta });
    const org = await tx.organization.findUniqueOrThrow({ where: { id: inv.org_id }, select: { slug: true } });
    return org.slug;
  });
  return { orgSlug, userId, createdUser };
}
