import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenant, withTenantReader } from "@safeguard/db/tenant";
import { getCheck } from "@safeguard/controls/catalog";
import { NotFoundError, ValidationError } from "../errors";
import { useTestDatabase } from "@safeguard/db/testing/use-test-database";
import { checkIdsForCitation } from "../controls-tree/citation-checks";
import { exportFindings } from "./export-findings";
import { findingPageSchema, type FindingPageQuery } from "./finding-filters";
import { findFindings } from "./find-findings";
import { getFinding } from "./get-finding";
import { listFindingFacets } from "./list-finding-facets";
import { seedAccount, seedEstate, seedOrganization } from "./testing/seed-estate";

const db = useTestDatabase();
let owner: pg.Client;
let orgA = "";
let orgB = "";
let accountA = "";
let foreignFindingId = "";
let totalA = 0;

beforeAll(async () => {
  owner = new pg.Client({ connectionString: db.current().ownerUrl });
  await owner.connect();
  orgA = await seedOrganization(owner, { slug: "org-a" });
  orgB = await seedOrganization(owner, { slug: "org-b" });
  accountA = await seedAccount(owner, { orgId: orgA, name: "prod" });
  const accountA2 = await seedAccount(owner, { orgId: orgA, name: "staging", provider: "AZURE" });
  const accountB = await seedAccount(owner, { orgId: orgB, name: "other" });
  totalA += (await seedEstate(owner, { orgId: orgA, accountId: accountA, resources: 60, types: ["AWS::S3::Bucket", "AWS::EC2::Volume", "AWS::RDS::DBInstance"] })).findings;
  totalA += (await seedEstate(owner, { orgId: orgA, accountId: accountA2, resources: 20, types: ["microsoft.storage/storageaccounts"] })).findings;
  await seedEstate(owner, { orgId: orgB, accountId: accountB, resources: 30, types: ["AWS::S3::Bucket"] });
  // A resource name that would run as a spreadsheet formula.
  await owner.query(`UPDATE resources SET name = '=HYPERLINK("http://evil")' WHERE account_id = $1 AND resource_id LIKE '%-1'`, [accountA]);
  foreignFindingId = (await owner.query<{ id: string }>("SELECT id FROM findings WHERE org_id = $1 LIMIT 1", [orgB])).rows[0]!.id;
});

afterAll(async () => {
  await owner?.end();
});

const q = (over: Record<string, unknown> = {}): FindingPageQuery => findingPageSchema.parse(over);

async function collectAll(orgId: string, query: FindingPageQuery): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 1000; i++) {
    const page = await withTenantReader(orgId, (db) => findFindings({ db, query: { ...query, cursor } }));
    ids.push(...page.items.map((f) => f.id));
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return ids;
}

describe("findFindings", () => {
  it("counts the organisation's live findings and none of another's", async () => {
    const page = await withTenantReader(orgA, (db) => findFindings({ db, query: q({ limit: 10 }) }));
    expect(page.total).toBe(totalA);
    expect(page.totalCapped).toBe(false);
    expect(page.items).toHaveLength(10);
    expect(page.items.every((f) => f.accountId !== undefined && f.checkTitle.length > 0)).toBe(true);
  });

  for (const sort of ["priority", "severity", "lastChangedAt", "checkId", "region"] as const) {
    it(`keyset paging by ${sort} visits every finding exactly once`, async () => {
      const ids = await collectAll(orgA, q({ sort, limit: 37 }));
      expect(ids).toHaveLength(totalA);
      expect(new Set(ids).size).toBe(totalA);
    });
  }

  it("sorts by priority by default: FAIL before ERROR before PASS before N/A, critical first within each", async () => {
    const ids = await collectAll(orgA, q({ limit: 200 }));
    const { rows } = await owner.query<{ id: string; status: string; severity: string }>("SELECT id, status::text, severity::text FROM findings WHERE org_id = $1", [orgA]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const rank = (id: string) => {
      const r = byId.get(id)!;
      return ["FAIL", "ERROR", "PASS", "NOT_APPLICABLE"].indexOf(r.status) * 4 + ["CRITICAL", "HIGH", "MEDIUM", "LOW"].indexOf(r.severity);
    };
    const ranks = ids.map(rank);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    expect(byId.get(ids[0]!)!.status).toBe("FAIL");
  });

  it("status words: open = FAIL + ERROR, any = every status", () => {
    expect(q({ status: "open" }).status).toEqual(["FAIL", "ERROR"]);
    expect(q({ status: "open,PASS" }).status).toEqual(["FAIL", "ERROR", "PASS"]);
    expect(q({ status: "any" }).status).toBeUndefined();
    expect(findingPageSchema.safeParse({ status: "closed" }).success).toBe(false);
  });

  it("filters by status and severity and agrees with the total", async () => {
    const query = q({ status: "FAIL,ERROR", severity: ["HIGH", "CRITICAL"], limit: 200 });
    const page = await withTenantReader(orgA, (db) => findFindings({ db, query }));
    const { rows } = await owner.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM findings WHERE org_id = $1 AND status IN ('FAIL','ERROR') AND severity IN ('HIGH','CRITICAL')",
      [orgA],
    );
    expect(page.total).toBe(rows[0]!.n);
    expect(page.items.length).toBe(Math.min(rows[0]!.n, 200));
    expect(page.items.every((f) => (f.status === "FAIL" || f.status === "ERROR") && (f.severity === "HIGH" || f.severity === "CRITICAL"))).toBe(true);
  });

  it("expands a citation to the checks citing it (a standard includes its specifications)", async () => {
    const page = await withTenantReader(orgA, (db) => findFindings({ db, query: q({ citation: "164.312(a)(1)", limit: 200 }) }));
    const citing = new Set(checkIdsForCitation("164.312(a)(1)"));
    expect(page.total).toBeGreaterThan(0);
    expect(page.items.every((f) => citing.has(f.checkId))).toBe(true);
    // 164.312(a)(2)(iv) (encryption) is a specification of 164.312(a)(1).
    expect(page.items.some((f) => getCheck(f.checkId)?.citations.includes("164.312(a)(2)(iv)"))).toBe(true);
  });

  it("searches resource names case-insensitively and treats % literally", async () => {
    const hit = await withTenantReader(orgA, (db) => findFindings({ db, query: q({ q: "HYPERLINK" }) }));
    expect(hit.total).toBeGreaterThan(0);
    expect(hit.items.every((f) => f.resourceName?.includes("HYPERLINK"))).toBe(true);
    const none = await withTenantReader(orgA, (db) => findFindings({ db, query: q({ q: "%" }) }));
    expect(none.total).toBe(0);
  });

  it("filters by account, PHI scope and suppression", async () => {
    const page = await withTenantReader(orgA, (db) => findFindings({ db, query: q({ accountId: accountA, inScope: "false", suppressed: "false", limit: 200 }) }));
    expect(page.total).toBeGreaterThan(0);
    expect(page.items.every((f) => f.accountId === accountA && !f.inScope && !f.suppressed)).toBe(true);
  });

  it("rejects a cursor it did not produce with a field error, not a crash", async () => {
    await expect(withTenantReader(orgA, (db) => findFindings({ db, query: q({ cursor: "garbage" }) }))).rejects.toBeInstanceOf(ValidationError);
    const forged = Buffer.from(JSON.stringify(["NOT_A_SEVERITY", "018f0000-0000-7000-8000-000000000000"])).toString("base64url");
    await expect(withTenantReader(orgA, (db) => findFindings({ db, query: q({ cursor: forged }) }))).rejects.toBeInstanceOf(ValidationError);
  });

  it("rejects bad filter values at the schema with the field named", () => {
    const r = findingPageSchema.safeParse({ status: "CLOSED", limit: "5000", citation: "drop table" });
    expect(r.success).toBe(false);
    const fields = r.error!.issues.map((i) => i.path.join("."));
    expect(fields).toEqual(expect.arrayContaining(["status.0", "limit", "citation"]));
  });
});

describe("getFinding", () => {
  it("returns evidence, remediation and history", async () => {
    const { rows } = await owner.query<{ id: string; account_id: string; resource_id: string; check_id: string }>(
      "SELECT id, account_id, resource_id, check_id FROM findings WHERE org_id = $1 AND status = 'FAIL' LIMIT 1",
      [orgA],
    );
    const f = rows[0]!;
    await owner.query(
      `INSERT INTO finding_events (org_id, finding_id, account_id, resource_id, check_id, kind, to_status, severity)
       VALUES ($1, $2, $3, $4, $5, 'OPENED', 'FAIL', 'HIGH')`,
      [orgA, f.id, f.account_id, f.resource_id, f.check_id],
    );
    const d = await withTenant(orgA, (tx) => getFinding({ tx, findingId: f.id }));
    expect(d.status).toBe("FAIL");
    expect(d.evidence[0]).toMatchObject({ path: "configuration.encrypted", value: false, expected: true });
    expect(d.check.remediation?.cli.length).toBeGreaterThan(0);
    expect(d.history.map((h) => h.kind)).toEqual(["OPENED"]);
  });

  it("treats another organisation's finding and a malformed id as not found", async () => {
    await expect(withTenant(orgA, (tx) => getFinding({ tx, findingId: foreignFindingId }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(withTenant(orgA, (tx) => getFinding({ tx, findingId: "not-a-uuid" }))).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("exportFindings", () => {
  it("streams every matching finding as CSV with formula cells neutralised", async () => {
    let text = "";
    for await (const chunk of exportFindings({ orgId: orgA, filters: { accountId: [accountA] }, format: "csv", batchSize: 50 })) text += chunk;
    const lines = text.split("\r\n").filter(Boolean);
    const { rows } = await owner.query<{ n: number }>("SELECT count(*)::int AS n FROM findings WHERE account_id = $1", [accountA]);
    expect(lines).toHaveLength(rows[0]!.n + 1);
    expect(lines[0]).toMatch(/^id,status,severity,checkId/);
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it("streams JSON that parses to the same rows", async () => {
    let text = "";
    for await (const chunk of exportFindings({ orgId: orgA, filters: { status: ["FAIL"] }, format: "json", batchSize: 40 })) text += chunk;
    const parsed = JSON.parse(text) as Array<{ status: string }>;
    const { rows } = await owner.query<{ n: number }>("SELECT count(*)::int AS n FROM findings WHERE org_id = $1 AND status = 'FAIL'", [orgA]);
    expect(parsed).toHaveLength(rows[0]!.n);
    expect(parsed.every((p) => p.status === "FAIL")).toBe(true);
  });
});

describe("listFindingFacets", () => {
  it("offers this organisation's accounts, regions, types and the checks of those types", async () => {
    const f = await withTenantReader(orgA, (db) => listFindingFacets({ db }));
    expect(f.accounts.map((a) => a.name).sort()).toEqual(["prod", "staging"]);
    expect(f.resourceTypes).toContain("AWS::S3::Bucket");
    expect(f.checks.length).toBeGreaterThan(10);
  });
});
