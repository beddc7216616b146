import { beforeAll, describe, expect, it, vi } from "vitest";
import type { OrgSettings } from "@safeguard/core/settings/settings-schema";
import { prisma } from "@safeguard/db/client";
import { withTenant } from "@safeguard/db/tenant";
import { useTestDatabase } from "@safeguard/db/testing/use-test-database";
import { enqueue } from "@safeguard/jobs/queues";
import { cancelScanAction, connectAccountAction, scanNowAction } from "../app/(app)/[orgSlug]/accounts/actions";
import { changeMemberRoleAction, inviteMemberAction, removeMemberAction, revokeInvitationAction } from "../app/(app)/[orgSlug]/members/actions";
import { updateSettingsAction } from "../app/(app)/[orgSlug]/settings/actions";
import { GET as accountsGET } from "../app/api/orgs/[orgSlug]/accounts/route";
import { GET as auditGET } from "../app/api/orgs/[orgSlug]/audit/route";
import { GET as membersGET } from "../app/api/orgs/[orgSlug]/members/route";
import { GET as settingsGET, PUT as settingsPUT } from "../app/api/orgs/[orgSlug]/settings/route";
import { jsonRequest, routeContext, seedOrg, signInAs, type SeededOrg } from "./harness";

vi.mock("../server/session", () => ({ getSessionClaims: vi.fn() }));
vi.mock("@safeguard/jobs/queues", () => ({ enqueue: vi.fn(async () => "job-1") }));
useTestDatabase();

let a: SeededOrg;
let b: SeededOrg;
let bAccountId: string;
let bScanId: string;
let bMembershipId: string;
let bInvitationId: string;

const AZURE = { provider: "AZURE", name: "Prod subscription", subscriptionId: "0b1f6471-1bf0-4dda-aec3-cb9272f09590", tenantId: "72f988bf-86f1-41af-91ab-2d7cd011db47", clientId: "1950a258-227b-4e31-a9cf-717495945fc2", clientSecret: "super-secret-value~123" } as const;
const AWS = { provider: "AWS" as const, name: "Production", externalAccountId: "123456789012", roleArn: "arn:aws:iam::123456789012:role/SafeguardAudit", regions: ["us-east-1", "eu-west-1"] };
const SETTINGS: OrgSettings = { name: "Org renamed", scopeMode: "PHI_TAGGED", phiTags: [{ key: "PHI", values: ["true"] }], nonProdTags: [], requireMfa: false, sessionIdleMinutes: 20, fullScanIntervalMinutes: 1440, quickScanIntervalMinutes: 60 };

beforeAll(async () => {
  a = await seedOrg("feat-alpha");
  b = await seedOrg("feat-bravo");
  // Rows in org B that org A's people will try to reach.
  signInAs(b.users.OWNER);
  const created = await connectAccountAction(b.slug, AZURE);
  if (!created.ok) throw new Error(created.error);
  bAccountId = created.data.accountId;
  bScanId = (await withTenant(b.orgId, (tx) => tx.scanRun.findFirstOrThrow({ where: { accountId: bAccountId } }))).id;
  bMembershipId = (await withTenant(b.orgId, (tx) => tx.membership.findFirstOrThrow({ where: { role: "VIEWER" } }))).id;
  const invited = await inviteMemberAction(b.slug, { email: "someone@bravo.test", role: "VIEWER" });
  if (!invited.ok) throw new Error(invited.error);
  bInvitationId = invited.data.invitationId;
});

describe("every route refuses other tenants with 404", () => {
  const routes = { accountsGET, auditGET, membersGET, settingsGET };
  it.each(Object.entries(routes))("%s", async (_name, route) => {
    signInAs(a.users.OWNER);
    expect((await route(jsonRequest(`/api/orgs/${b.slug}/x`), routeContext({ orgSlug: b.slug }))).status).toBe(404);
    expect((await route(jsonRequest(`/api/orgs/${a.slug}/x`), routeContext({ orgSlug: a.slug }))).status).toBe(200);
  });
  it("settings PUT", async () => {
    signInAs(a.users.OWNER);
    expect((await settingsPUT(jsonRequest(`/x`, "PUT", SETTINGS), routeContext({ orgSlug: b.slug }))).status).toBe(404);
  });
});

describe("every action refuses another tenant's ids with 404", () => {
  it.each([
    ["scan now", () => scanNowAction(a.slug, { accountId: bAccountId })],
    ["cancel scan", () => cancelScanAction(a.slug, { scanRunId: bScanId })],
    ["change role", () => changeMemberRoleAction(a.slug, { membershipId: bMembershipId, role: "ADMIN" })],
    ["remove member", () => removeMemberAction(a.slug, { membershipId: bMembershipId })],
    ["revoke invitation", () => revokeInvitationAction(a.slug, { invitationId: bInvitationId })],
    ["act on org B by slug", () => scanNowAction(b.slug, { accountId: bAccountId })],
  ])("%s", async (_name, call) => {
    signInAs(a.users.OWNER);
    expect(await call()).toMatchObject({ ok: false, status: 404 });
  });
  it("left org B untouched", async () => {
    const m = await withTenant(b.orgId, (tx) => tx.membership.findUniqueOrThrow({ where: { id: bMembershipId } }));
    expect(m.role).toBe("VIEWER");
    expect((await withTenant(b.orgId, (tx) => tx.invitation.findUniqueOrThrow({ where: { id: bInvitationId } }))).revokedAt).toBeNull();
  });
});

describe("bad input is a 4xx naming the field", () => {
  it.each([
    ["AWS account id", () => connectAccountAction(a.slug, { ...AWS, externalAccountId: "12345" }), "externalAccountId"],
    ["role ARN", () => connectAccountAction(a.slug, { ...AWS, roleArn: "arn:aws:s3:::bucket" }), "roleArn"],
    ["regions", () => connectAccountAction(a.slug, { ...AWS, regions: [] }), "regions"],
    ["Azure subscription id", () => connectAccountAction(a.slug, { ...AZURE, subscriptionId: "nope" }), "subscriptionId"],
    ["invite email", () => inviteMemberAction(a.slug, { email: "not-an-email", role: "VIEWER" }), "email"],
    ["invite role", () => inviteMemberAction(a.slug, { email: "x@y.test", role: "EMPEROR" as never }), "role"],
    ["membership id", () => changeMemberRoleAction(a.slug, { membershipId: "42", role: "VIEWER" }), "membershipId"],
    ["idle minutes", () => updateSettingsAction(a.slug, { ...SETTINGS, sessionIdleMinutes: 2 }), "sessionIdleMinutes"],
    ["full cadence", () => updateSettingsAction(a.slug, { ...SETTINGS, fullScanIntervalMinutes: 30 }), "fullScanIntervalMinutes"],
    ["PHI tags for tag scope", () => updateSettingsAction(a.slug, { ...SETTINGS, phiTags: [] }), "phiTags"],
  ])("%s", async (_name, call, field) => {
    signInAs(a.users.OWNER);
    const result = await call();
    expect(result).toMatchObject({ ok: false, status: 400 });
    if (!result.ok) expect(result.issues?.map((i) => i.field)).toContain(field);
  });

  it("audit query: dates out of order and oversized pages", async () => {
    signInAs(a.users.AUDITOR);
    const res = await auditGET(jsonRequest(`/x?from=2026-05-01&to=2026-01-01&pageSize=5000`), routeContext({ orgSlug: a.slug }));
    expect(res.status).toBe(400);
    expect((await res.json()).issues.map((i: { field: string }) => i.field).sort()).toEqual(["pageSize", "to"]);
  });

  it("settings PUT with bad JSON fields", async () => {
    signInAs(a.users.ADMIN);
    const res = await settingsPUT(jsonRequest(`/x`, "PUT", { ...SETTINGS, scopeMode: "SOME" as never }), routeContext({ orgSlug: a.slug }));
    expect(res.status).toBe(400);
    expect((await res.json()).issues[0].field).toBe("scopeMode");
  });
});

describe("accounts", () => {
  it("AWS: generates the external ID and shows the trust policy; no scan until the role exists", async () => {
    signInAs(a.users.ADMIN);
    const result = await connectAccountAction(a.slug, AWS);
    expect(result).toMatchObject({ ok: true, data: { provider: "AWS", scanQueued: false } });
    const list = await (await accountsGET(jsonRequest("/x"), routeContext({ orgSlug: a.slug }))).json();
    const aws = list.find((x: { provider: string }) => x.provider === "AWS");
    expect(aws.awsSetup.externalId).toMatch(/^sg-/);
    expect(JSON.parse(aws.awsSetup.trustPolicy).Statement[0].Condition.StringEquals["sts:ExternalId"]).toBe(aws.awsSetup.externalId);
    expect(aws.statusText).toMatch(/first successful scan/);
    expect((await connectAccountAction(a.slug, AWS))).toMatchObject({ ok: false, status: 409 });
  });

  it("Azure: the secret is sealed, never returned, and the onboarding scan is enqueued after commit", async () => {
    signInAs(a.users.OWNER);
    vi.mocked(enqueue).mockClear();
    const result = await connectAccountAction(a.slug, AZURE);
    expect(result).toMatchObject({ ok: true, data: { scanQueued: true } });
    expect(enqueue).toHaveBeenCalledWith("scan.account", { scanRunId: expect.any(String) });
    const body = await (await accountsGET(jsonRequest("/x"), routeContext({ orgSlug: a.slug }))).text();
    expect(body).not.toContain(AZURE.clientSecret);
    expect(body).toContain('"hasAzureSecret":true');
    const stored = await withTenant(a.orgId, (tx) => tx.cloudAccount.findFirstOrThrow({ where: { provider: "AZURE" } }));
    expect(Buffer.from(stored.azureClientSecretEnc!).includes(Buffer.from(AZURE.clientSecret))).toBe(false);
    const audit = await withTenant(a.orgId, (tx) => tx.auditLog.findMany({ where: { action: "account.created" } }));
    expect(JSON.stringify(audit)).not.toContain(AZURE.clientSecret);
  });

  it("scan now and cancel: security officers may, viewers may not see setup snippets or scan", async () => {
    const account = await withTenant(a.orgId, (tx) => tx.cloudAccount.findFirstOrThrow({ where: { provider: "AWS" } }));
    signInAs(a.users.VIEWER);
    expect(await scanNowAction(a.slug, { accountId: account.id })).toMatchObject({ ok: false, status: 403 });
    const viewerList = await (await accountsGET(jsonRequest("/x"), routeContext({ orgSlug: a.slug }))).json();
    expect(viewerList.every((x: { awsSetup: unknown }) => x.awsSetup === null)).toBe(true);
    signInAs(a.users.SECURITY_OFFICER);
    const scan = await scanNowAction(a.slug, { accountId: account.id });
    expect(scan.ok).toBe(true);
    expect(await scanNowAction(a.slug, { accountId: account.id })).toMatchObject({ ok: false, status: 409 });
    if (scan.ok) expect(await cancelScanAction(a.slug, { scanRunId: scan.data.scanRunId })).toMatchObject({ ok: true, data: { immediate: true } });
  });
});

describe("settings and audit log", () => {
  it("saves settings, records the changes, and the audit log filters by action, actor and date", async () => {
    signInAs(a.users.ADMIN);
    expect(await updateSettingsAction(a.slug, SETTINGS)).toMatchObject({ ok: true });
    const org = await withTenant(a.orgId, (tx) => tx.organization.findUniqueOrThrow({ where: { id: a.orgId } }));
    expect(org).toMatchObject({ name: "Org renamed", scopeMode: "PHI_TAGGED", sessionIdleMinutes: 20, fullScanIntervalMinutes: 1440 });
    signInAs(a.users.AUDITOR);
    const today = new Date().toISOString().slice(0, 10);
    const res = await auditGET(jsonRequest(`/x?action=org.settings_updated&actor=admin@&from=${today}&to=${today}`), routeContext({ orgSlug: a.slug }));
    const page = await res.json();
    expect(page.total).toBe(1);
    expect(page.rows[0].metadata.changes.sessionIdleMinutes).toEqual({ from: 15, to: 20 });
    const none = await (await auditGET(jsonRequest(`/x?action=org.settings_updated&actor=viewer@`), routeContext({ orgSlug: a.slug }))).json();
    expect(none.total).toBe(0);
    const paged = await (await auditGET(jsonRequest(`/x?pageSize=1&page=2`), routeContext({ orgSlug: a.slug }))).json();
    expect(paged.rows).toHaveLength(1);
    expect(paged.total).toBeGreaterThan(2);
    // org B's events never show up in org A's log.
    expect(JSON.stringify(await (await auditGET(jsonRequest(`/x?pageSize=200`), routeContext({ orgSlug: a.slug }))).json())).not.toContain("someone@bravo.test");
  });

  it("viewers cannot read the audit log or settings (403), non-members get 404", async () => {
    signInAs(a.users.VIEWER);
    expect((await auditGET(jsonRequest("/x"), routeContext({ orgSlug: a.slug }))).status).toBe(403);
    expect((await settingsGET(jsonRequest("/x"), routeContext({ orgSlug: a.slug }))).status).toBe(403);
    const stranger = await prisma().user.findUniqueOrThrow({ where: { id: b.users.AUDITOR } });
    signInAs(stranger.id);
    expect((await auditGET(jsonRequest("/x"), routeContext({ orgSlug: a.slug }))).status).toBe(404);
  });
});
