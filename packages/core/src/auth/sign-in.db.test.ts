import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@safeguard/db/client";
import { withTenant } from "@safeguard/db/tenant";
import { useTestDatabase } from "@safeguard/db/testing/use-test-database";
import { signUp } from "../orgs/sign-up";
import { authenticateWithPassword } from "./authenticate-with-password";
import { beginMfaEnrolment } from "./begin-mfa-enrolment";
import { confirmMfaEnrolment } from "./confirm-mfa-enrolment";
import { disableMfa } from "./disable-mfa";
import { closeRedis } from "./redis";
import { SignInThrottle } from "./sign-in-throttle";
import { signOutEverywhere } from "./sign-out-everywhere";
import { base32Decode, totp } from "./totp";

process.env.SAFEGUARD_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
const db = useTestDatabase();
afterAll(closeRedis);

const PASSWORD = "violet-anchor-morning-42";
const meta = { ip: "198.51.100.7", userAgent: "vitest" };
const throttle = () => new SignInThrottle(undefined, undefined, `test:${randomUUID()}:`);
let orgId: string;
let email: string;

beforeAll(async () => {
  email = `owner-${randomUUID().slice(0, 8)}@clinic.test`;
  const result = await signUp({ name: "Olive Owner", email, password: PASSWORD, orgName: "Clinic One" }, meta);
  orgId = result.org.id;
});

const actionsInOrg = async () => withTenant(orgId, (tx) => tx.auditLog.findMany({ orderBy: { createdAt: "asc" }, select: { action: true, metadata: true, ip: true } }));

describe("password sign-in", () => {
  it("signs in with the right password, case-insensitive email, and audits it in the user's organisation", async () => {
    const result = await authenticateWithPassword({ email: email.toUpperCase(), password: PASSWORD }, meta, throttle());
    expect(result).toMatchObject({ ok: true, user: { email, sessionVersion: 1, idleMinutes: 15 } });
    const log = await actionsInOrg();
    expect(log.map((l) => l.action)).toEqual(["org.created", "auth.sign_in"]);
    expect(log[1]!.ip).toBe("198.51.100.7");
    expect(JSON.stringify(log)).not.toContain(PASSWORD);
  });

  it("refuses a wrong password and records the failure without the password", async () => {
    const result = await authenticateWithPassword({ email, password: "wrong-password-here" }, meta, throttle());
    expect(result).toMatchObject({ ok: false, reason: "invalid_credentials" });
    const last = (await actionsInOrg()).at(-1)!;
    expect(last.action).toBe("auth.sign_in_failed");
    expect(JSON.stringify(last)).not.toContain("wrong-password-here");
  });

  it("records a failure for an unknown email as a platform event no tenant can read", async () => {
    const ghost = `ghost-${randomUUID()}@nowhere.test`;
    expect(await authenticateWithPassword({ email: ghost, password: PASSWORD }, meta, throttle())).toMatchObject({ ok: false, reason: "invalid_credentials" });
    const owner = new pg.Client({ connectionString: db.current().ownerUrl });
    await owner.connect();
    const { rows } = await owner.query("SELECT org_id, action FROM audit_logs WHERE actor_email = $1", [ghost]);
    await owner.end();
    expect(rows).toEqual([{ org_id: null, action: "auth.sign_in_failed" }]);
    expect((await actionsInOrg()).some((l) => JSON.stringify(l).includes(ghost))).toBe(false);
  });

  it("locks the email after 5 failures: even the right password is refused, with a clear message", async () => {
    const t = throttle();
    for (let i = 0; i < 4; i++) expect((await authenticateWithPassword({ email, password: `nope-${i}-xxxxxxxx` }, meta, t)).ok).toBe(false);
    const fifth = await authenticateWithPassword({ email, password: "nope-5-xxxxxxxx" }, meta, t);
    expect(fifth).toMatchObject({ ok: false, reason: "locked" });
    const locked = await authenticateWithPassword({ email, password: PASSWORD }, meta, t);
    expect(locked).toMatchObject({ ok: false, reason: "locked" });
    if (!locked.ok) expect(locked.message).toMatch(/locked for 15 minutes/);
    expect((await actionsInOrg()).map((l) => l.action)).toContain("auth.sign_in_locked");
  });
});

describe("TOTP MFA", () => {
  let secret: Buffer;
  let recovery: string[];

  it("enrols: the pending seed is sealed, a wrong code is refused, a right one turns MFA on with 10 recovery codes", async () => {
    const enrolment = await beginMfaEnrolment((await prisma().user.findUniqueOrThrow({ where: { email } })).id);
    expect(enrolment.otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    secret = base32Decode(enrolment.secretBase32);
    const user = await prisma().user.findUniqueOrThrow({ where: { email } });
    expect(user.mfaEnabledAt).toBeNull();
    expect(Buffer.from(user.mfaSecretEnc!).includes(secret)).toBe(false);
    await expect(confirmMfaEnrolment(user.id, "000000", meta)).rejects.toMatchObject({ issues: [{ field: "code" }] });
    const { recoveryCodes } = await confirmMfaEnrolment(user.id, totp(secret, Date.now()), meta);
    recovery = recoveryCodes;
    expect(recovery).toHaveLength(10);
    const after = await prisma().user.findUniqueOrThrow({ where: { email } });
    expect(after.mfaEnabledAt).not.toBeNull();
    expect(after.recoveryCodeHashes).toHaveLength(10);
    expect(after.recoveryCodeHashes.join()).not.toContain(recovery[0]!);
    expect((await actionsInOrg()).map((l) => l.action)).toContain("auth.mfa_enabled");
  });

  it("asks for the code at sign-in, accepts a fresh TOTP code and a recovery code once", async () => {
    expect(await authenticateWithPassword({ email, password: PASSWORD }, meta, throttle())).toMatchObject({ ok: false, reason: "mfa_required" });
    expect(await authenticateWithPassword({ email, password: PASSWORD, code: "123456" }, meta, throttle())).toMatchObject({ ok: false, reason: "mfa_invalid" });
    // The step after the one used at enrolment (codes cannot be replayed).
    expect((await authenticateWithPassword({ email, password: PASSWORD, code: totp(secret, Date.now() + 30_000) }, meta, throttle())).ok).toBe(true);
    expect((await authenticateWithPassword({ email, password: PASSWORD, code: recovery[0]! }, meta, throttle())).ok).toBe(true);
    expect(await authenticateWithPassword({ email, password: PASSWORD, code: recovery[0]! }, meta, throttle())).toMatchObject({ ok: false, reason: "mfa_invalid" });
    expect((await prisma().user.findUniqueOrThrow({ where: { email } })).recoveryCodeHashes).toHaveLength(9);
  });

  it("turns MFA off only with a valid code, and audits it", async () => {
    const user = await prisma().user.findUniqueOrThrow({ where: { email } });
    await expect(disableMfa(user.id, "999999", meta)).rejects.toMatchObject({ issues: [{ field: "code" }] });
    await disableMfa(user.id, recovery[1]!, meta);
    const after = await prisma().user.findUniqueOrThrow({ where: { email } });
    expect(after).toMatchObject({ mfaEnabledAt: null, mfaSecretEnc: null, recoveryCodeHashes: [] });
    expect((await actionsInOrg()).map((l) => l.action)).toContain("auth.mfa_disabled");
  });
});

it("sign out everywhere bumps the session version and is audited", async () => {
  const user = await prisma().user.findUniqueOrThrow({ where: { email } });
  await signOutEverywhere(user.id, meta);
  expect((await prisma().user.findUniqueOrThrow({ where: { email } })).sessionVersion).toBe(user.sessionVersion + 1);
  expect((await actionsInOrg()).map((l) => l.action)).toContain("auth.sign_out_everywhere");
});
