import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@safeguard/db/client";
import { withTenant } from "@safeguard/db/tenant";
import { useTestDatabase } from "@safeguard/db/testing/use-test-database";
import { ConflictError, ForbiddenError, NotFoundError } from "../errors";
import { seedDemoOrganization } from "../orgs/seed-demo-organization";
import { acceptInvitation, getInvitationPreview } from "./accept-invitation";
import type { Actor } from "./actor";
import { changeMemberRole } from "./change-member-role";
import { inviteMember } from "./invite-member";
import { listMembers } from "./list-members";
import { listPendingInvitations } from "./list-invitations";
import { removeMember } from "./remove-member";
import { revokeInvitation } from "./revoke-invitation";

process.env.SAFEGUARD_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
useTestDatabase();
const meta = { ip: null, userAgent: null };
let orgId: string;
let owner: Actor;
let admin: Actor;

const tokenOf = (link: string) => link.split("/invite/")[1]!;
const inOrg = <T>(fn: Parameters<typeof withTenant<T>>[1]) => withTenant(orgId, fn);

beforeAll(async () => {
  const seeded = await seedDemoOrganization({ slug: "members-org", emailDomain: "members.test", password: "test-password-not-common" });
  orgId = seeded.orgId;
  const user = (email: string) => prisma().user.findUniqueOrThrow({ where: { email } });
  owner = { userId: (await user("owner@members.test")).id, email: "owner@members.test", role: "OWNER" };
  admin = { userId: (await user("admin@members.test")).id, email: "admin@members.test", role: "ADMIN" };
});

describe("invitations", () => {
  it("invites by email, stores only the token hash, and logs the link for delivery", async () => {
    const { link, invitationId } = await inOrg((tx) => inviteMember(tx, { orgId, actor: admin, input: { email: "New.Person@Clinic.test", role: "AUDITOR" }, baseUrl: "http://app.test" }, meta));
    expect(link).toMatch(/^http:\/\/app\.test\/invite\/[A-Za-z0-9_-]{43}$/);
    const row = await inOrg((tx) => tx.invitation.findUniqueOrThrow({ where: { id: invitationId } }));
    expect(row.email).toBe("new.person@clinic.test");
    expect(row.tokenHash).not.toContain(tokenOf(link));
    const audit = await inOrg((tx) => tx.auditLog.findFirstOrThrow({ where: { action: "member.invited" } }));
    expect(audit.metadata).toMatchObject({ link, role: "AUDITOR" });
    expect(await getInvitationPreview(tokenOf(link))).toMatchObject({ orgName: "Demo Health Clinic", role: "AUDITOR", status: "valid", userExists: false });
  });

  it("only an owner may invite an owner; members cannot be invited twice", async () => {
    await expect(inOrg((tx) => inviteMember(tx, { orgId, actor: admin, input: { email: "boss@clinic.test", role: "OWNER" }, baseUrl: "http://x" }, meta))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(inOrg((tx) => inviteMember(tx, { orgId, actor: owner, input: { email: "viewer@members.test", role: "VIEWER" }, baseUrl: "http://x" }, meta))).rejects.toBeInstanceOf(ConflictError);
  });

  it("a new user accepts with a good password (a common one is refused), once", async () => {
    const { link } = await inOrg((tx) => inviteMember(tx, { orgId, actor: owner, input: { email: "nina@clinic.test", role: "VIEWER" }, baseUrl: "http://x" }, meta));
    const token = tokenOf(link);
    await expect(acceptInvitation({ token, signedInUserId: null, newUser: { name: "Nina", password: "Password1234!" } }, meta)).rejects.toMatchObject({ issues: [{ field: "password" }] });
    const accepted = await acceptInvitation({ token, signedInUserId: null, newUser: { name: "Nina", password: "quiet-harbour-lantern-7" } }, meta);
    expect(accepted).toMatchObject({ orgSlug: "members-org", createdUser: true });
    expect((await inOrg((tx) => listMembers(tx))).find((m) => m.email === "nina@clinic.test")?.role).toBe("VIEWER");
    await expect(acceptInvitation({ token, signedInUserId: null, newUser: { name: "Nina", password: "quiet-harbour-lantern-7" } }, meta)).rejects.toBeInstanceOf(ConflictError);
  });

  it("an existing user must be signed in as the invited address", async () => {
    const other = await seedDemoOrganization({ slug: "other-org", emailDomain: "other.test", password: "test-password-not-common" });
    const invitee = await prisma().user.findUniqueOrThrow({ where: { email: "auditor@other.test" } });
    const { link } = await inOrg((tx) => inviteMember(tx, { orgId, actor: owner, input: { email: "auditor@other.test", role: "AUDITOR" }, baseUrl: "http://x" }, meta));
    await expect(acceptInvitation({ token: tokenOf(link), signedInUserId: null }, meta)).rejects.toThrow(/Sign in/);
    await expect(acceptInvitation({ token: tokenOf(link), signedInUserId: owner.userId }, meta)).rejects.toThrow(/auditor@other.test/);
    expect(await acceptInvitation({ token: tokenOf(link), signedInUserId: invitee.id }, meta)).toMatchObject({ createdUser: false });
    expect(other.slug).toBe("other-org");
  });

  it("revoked, expired and unknown tokens are refused", async () => {
    const { link, invitationId } = await inOrg((tx) => inviteMember(tx, { orgId, actor: owner, input: { email: "late@clinic.test", role: "VIEWER" }, baseUrl: "http://x" }, meta));
    await inOrg((tx) => revokeInvitation(tx, { orgId, actor: owner, invitationId }, meta));
    await expect(acceptInvitation({ token: tokenOf(link), signedInUserId: null, newUser: { name: "L", password: "quiet-harbour-lantern-7" } }, meta)).rejects.toThrow(/revoked/);
    const expired = await inOrg((tx) => inviteMember(tx, { orgId, actor: owner, input: { email: "expired@clinic.test", role: "VIEWER" }, baseUrl: "http://x" }, meta, new Date(Date.now() - 8 * 86_400_000)));
    await expect(acceptInvitation({ token: tokenOf(expired.link), signedInUserId: null, newUser: { name: "E", password: "quiet-harbour-lantern-7" } }, meta)).rejects.toThrow(/expired/);
    await expect(getInvitationPreview("x".repeat(43))).rejects.toBeInstanceOf(NotFoundError);
    expect((await inOrg((tx) => listPendingInvitations(tx))).map((i) => i.email)).not.toContain("late@clinic.test");
  });
});

describe("roles and removal", () => {
  const membershipOf = (userId: string) => inOrg((tx) => tx.membership.findFirstOrThrow({ where: { userId } }));

  it("changes a role and audits from → to", async () => {
    const viewer = await prisma().user.findUniqueOrThrow({ where: { email: "viewer@members.test" } });
    const m = await membershipOf(viewer.id);
    await inOrg((tx) => changeMemberRole(tx, { orgId, actor: admin, input: { membershipId: m.id, role: "SECURITY_OFFICER" } }, meta));
    expect((await membershipOf(viewer.id)).role).toBe("SECURITY_OFFICER");
    const audit = await inOrg((tx) => tx.auditLog.findFirstOrThrow({ where: { action: "member.role_changed" } }));
    expect(audit.metadata).toMatchObject({ from: "VIEWER", to: "SECURITY_OFFICER" });
  });

  it("protects owners: admins cannot touch them and the last owner stays", async () => {
    const m = await membershipOf(owner.userId);
    await expect(inOrg((tx) => changeMemberRole(tx, { orgId, actor: admin, input: { membershipId: m.id, role: "VIEWER" } }, meta))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(inOrg((tx) => removeMember(tx, { orgId, actor: owner, membershipId: m.id }, meta))).rejects.toThrow(/at least one owner/);
    await expect(inOrg((tx) => changeMemberRole(tx, { orgId, actor: owner, input: { membershipId: m.id, role: "ADMIN" } }, meta))).rejects.toThrow(/at least one owner/);
  });

  it("removes a member; another organisation's membership id is not found", async () => {
    const auditor = await prisma().user.findUniqueOrThrow({ where: { email: "auditor@members.test" } });
    const m = await membershipOf(auditor.id);
    await inOrg((tx) => removeMember(tx, { orgId, actor: admin, membershipId: m.id }, meta));
    expect((await inOrg((tx) => listMembers(tx))).some((x) => x.userId === auditor.id)).toBe(false);
    const otherOrgId = (await prisma().$queryRaw<Array<{ id: string }>>`SELECT sg_org_id_by_slug('other-org') AS id`)[0]!.id;
    const foreign = await withTenant(otherOrgId, (tx) => tx.membership.findFirstOrThrow());
    await expect(inOrg((tx) => removeMember(tx, { orgId, actor: owner, membershipId: foreign.id }, meta))).rejects.toBeInstanceOf(NotFoundError);
    await expect(inOrg((tx) => changeMemberRole(tx, { orgId, actor: owner, input: { membershipId: foreign.id, role: "VIEWER" } }, meta))).rejects.toBeInstanceOf(NotFoundError);
  });
});
