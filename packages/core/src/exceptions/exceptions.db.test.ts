import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "@safeguard/db/tenant";
import { useTestDatabase } from "@safeguard/db/testing/use-test-database";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { seedAccount, seedEstate, seedOrganization, seedUser } from "../findings/testing/seed-estate";
import { applyExceptions } from "./apply-exceptions";
import { decideException } from "./decide-exception";
import { requestExceptionSchema } from "./exception-input";
import { findExceptions } from "./find-exceptions";
import { lapseExpiredExceptions } from "./lapse-expired-exceptions";
import { requestException } from "./request-exception";
import { revokeException } from "./revoke-exception";

const db = useTestDatabase();
let owner: pg.Client;
let orgA = "";
let orgB = "";
let accountA = "";
let officer1 = "";
let officer2 = "";
let failingId = "";
let failingCheck = "";
let foreignFindingId = "";
const DAY = 86_400_000;
const why = "Compensating control: the bucket is behind a VPC endpoint policy and only holds synthetic data.";

beforeAll(async () => {
  owner = new pg.Client({ connectionString: db.current().ownerUrl });
  await owner.connect();
  orgA = await seedOrganization(owner, { slug: "ex-a" });
  orgB = await seedOrganization(owner, { slug: "ex-b" });
  officer1 = await seedUser(owner, { orgId: orgA, email: "so1@a.test", role: "SECURITY_OFFICER" });
  officer2 = await seedUser(owner, { orgId: orgA, email: "so2@a.test", role: "SECURITY_OFFICER" });
  accountA = await seedAccount(owner, { orgId: orgA, name: "prod" });
  await seedEstate(owner, { orgId: orgA, accountId: accountA, resources: 30, types: ["AWS::S3::Bucket"], tags: { Environment: "Sandbox" } });
  const accountB = await seedAccount(owner, { orgId: orgB, name: "b" });
  await seedEstate(owner, { orgId: orgB, accountId: accountB, resources: 5, types: ["AWS::S3::Bucket"] });
  const f = (await owner.query<{ id: string; check_id: string }>("SELECT id, check_id FROM findings WHERE org_id = $1 AND status = 'FAIL' AND in_scope AND deleted_at IS NULL ORDER BY id LIMIT 1", [orgA])).rows[0]!;
  failingId = f.id;
  failingCheck = f.check_id;
  foreignFindingId = (await owner.query<{ id: string }>("SELECT id FROM findings WHERE org_id = $1 LIMIT 1", [orgB])).rows[0]!.id;
});

afterAll(async () => {
  await owner?.end();
});

const as = (userId: string) => ({ userId, email: `${userId}@x` });
const inDays = (n: number) => new Date(Date.now() + n * DAY);
const suppressedIds = async () => (await owner.query<{ id: string }>("SELECT id FROM findings WHERE org_id = $1 AND suppressed ORDER BY id", [orgA])).rows.map((r) => r.id);

const todaysSnapshot = async () =>
  (await owner.query<{ fail_count: number; suppressed_count: number }>(
    "SELECT fail_count, suppressed_count FROM compliance_snapshots WHERE org_id = $1 AND account_id = $2 AND day = current_date", [orgA, accountA])).rows[0];

describe("exception lifecycle", () => {
  it("a finding exception suppresses only after a different officer approves it, and is audited", async () => {
    const { id } = await withTenant(orgA, (tx) =>
      requestException({ tx, orgId: orgA, actor: as(officer1), input: { scope: "FINDING", findingId: failingId, justification: why, expiresAt: inDays(30) } }));
    expect(await suppressedIds()).toEqual([]);
    await expect(withTenant(orgA, (tx) => decideException({ tx, orgId: orgA, actor: as(officer1), input: { exceptionId: id, decision: "APPROVED" } })))
      .rejects.toBeInstanceOf(ConflictError);
    const before = await todaysSnapshot();
    const decided = await withTenant(orgA, (tx) => decideException({ tx, orgId: orgA, actor: as(officer2), input: { exceptionId: id, decision: "APPROVED" } }));
    // The day's score follows the decision at once: one failing finding fewer, one more accepted risk.
    const after = await todaysSnapshot();
    expect(after).toBeDefined();
    expect(after!.suppressed_count).toBe((before?.suppressed_count ?? 0) + 1);
    if (before) expect(after!.fail_count).toBe(before.fail_count - 1);
    expect(decided.findingsChanged).toBe(1);
    expect(await suppressedIds()).toEqual([failingId]);
    await expect(withTenant(orgA, (tx) => decideException({ tx, orgId: orgA, actor: as(officer2), input: { exceptionId: id, decision: "REJECTED" } })))
      .rejects.toBeInstanceOf(ConflictError);
    const audit = await owner.query<{ action: string }>("SELECT action FROM audit_logs WHERE target_id = $1 ORDER BY created_at", [id]);
    expect(audit.rows.map((r) => r.action)).toEqual(["exception.requested", "exception.approved"]);

    // Revoking makes the finding count again.
    await withTenant(orgA, (tx) => revokeException({ tx, orgId: orgA, actor: as(officer2), exceptionId: id }));
    expect(await suppressedIds()).toEqual([]);
  });

  it("refuses a second open request for the same scope", async () => {
    const input = { scope: "CHECK_ON_ACCOUNT" as const, checkId: failingCheck, accountId: accountA, justification: why, expiresAt: inDays(10) };
    await withTenant(orgA, (tx) => requestException({ tx, orgId: orgA, actor: as(officer1), input }));
    await expect(withTenant(orgA, (tx) => requestException({ tx, orgId: orgA, actor: as(officer2), input }))).rejects.toBeInstanceOf(ConflictError);
  });

  it("validates expiry, the check and the account, and hides other organisations' findings", async () => {
    const base = { justification: why };
    await expect(withTenant(orgA, (tx) => requestException({ tx, orgId: orgA, actor: as(officer1), input: { scope: "FINDING", findingId: failingId, ...base, expiresAt: inDays(-1) } })))
      .rejects.toMatchObject({ issues: [{ field: "expiresAt", message: "must be in the future" }] });
    await expect(withTenant(orgA, (tx) => requestException({ tx, orgId: orgA, actor: as(officer1), input: { scope: "FINDING", findingId: failingId, ...base, expiresAt: inDays(400) } })))
      .rejects.toBeInstanceOf(ValidationError);
    await expect(withTenant(orgA, (tx) => requestException({ tx, orgId: orgA, actor: as(officer1), input: { scope: "CHECK_ON_ACCOUNT", checkId: "no.such.check", accountId: accountA, ...base, expiresAt: inDays(5) } })))
      .rejects.toMatchObject({ issues: [{ field: "checkId" }] });
    await expect(withTenant(orgA, (tx) => requestException({ tx, orgId: orgA, actor: as(officer1), input: { scope: "FINDING", findingId: foreignFindingId, ...base, expiresAt: inDays(5) } })))
      .rejects.toBeInstanceOf(NotFoundError);
    const short = requestExceptionSchema.safeParse({ scope: "FINDING", findingId: failingId, justification: "because", expiresAt: "2030-01-01" });
    expect(short.success).toBe(false);
    expect(short.error!.issues[0]!.path).toEqual(["justification"]);
  });

  it("a tag exception covers every resource with the tag (case-insensitive) and lapses at expiry", async () => {
    const { id } = await withTenant(orgA, (tx) =>
      requestException({ tx, orgId: orgA, actor: as(officer1), input: { scope: "TAG", tagKey: "environment", tagValue: "sandbox", justification: why, expiresAt: inDays(3) } }));
    await withTenant(orgA, (tx) => decideException({ tx, orgId: orgA, actor: as(officer2), input: { exceptionId: id, decision: "APPROVED" } }));
    const tagged = await owner.query<{ id: string }>(
      "SELECT f.id FROM findings f JOIN resources r ON r.id = f.resource_id WHERE f.org_id = $1 AND r.tags ->> 'Environment' = 'Sandbox' ORDER BY f.id",
      [orgA],
    );
    expect(tagged.rows.length).toBeGreaterThan(0);
    expect(await suppressedIds()).toEqual(tagged.rows.map((r) => r.id));
    const listed = await withTenant(orgA, (tx) => findExceptions({ tx, status: "APPROVED" }));
    expect(listed.find((e) => e.id === id)?.suppressedFindings).toBe(tagged.rows.length);

    // Four days later the exception has lapsed: audited, and every finding counts again.
    const later = inDays(4);
    const result = await withTenant(orgA, (tx) => lapseExpiredExceptions({ tx, now: later }));
    expect(result.lapsed).toBe(1);
    expect(result.findingsChanged).toBe(tagged.rows.length);
    expect(result.accountIds).toEqual([accountA]);
    expect(await suppressedIds()).toEqual([]);
    const status = await owner.query<{ status: string }>("SELECT status FROM exceptions WHERE id = $1", [id]);
    expect(status.rows[0]!.status).toBe("EXPIRED");
    const audit = await owner.query("SELECT 1 FROM audit_logs WHERE target_id = $1 AND action = 'exception.expired'", [id]);
    expect(audit.rowCount).toBe(1);
  });

  it("applyExceptions is idempotent and never touches another organisation", async () => {
    await owner.query("UPDATE findings SET suppressed = true WHERE org_id = $1", [orgB]);
    expect(await withTenant(orgA, (tx) => applyExceptions({ tx }))).toBe(0);
    const b = await owner.query<{ n: number }>("SELECT count(*)::int AS n FROM findings WHERE org_id = $1 AND suppressed", [orgB]);
    expect(b.rows[0]!.n).toBeGreaterThan(0);
    // In B's own context the stray suppression (no exception behind it) is cleared.
    expect(await withTenant(orgB, (tx) => applyExceptions({ tx }))).toBe(b.rows[0]!.n);
  });
});
