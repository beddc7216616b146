import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenant, withTenantReader } from "@safeguard/db/tenant";
import { useTestDatabase } from "@safeguard/db/testing/use-test-database";
import { NotFoundError, ValidationError } from "../errors";
import { seedAccount, seedEstate, seedOrganization } from "../findings/testing/seed-estate";
import { findResources } from "./find-resources";
import { getInventorySummary } from "./get-inventory-summary";
import { getResource } from "./get-resource";
import { resourcePageSchema } from "./resource-filters";

const db = useTestDatabase();
let owner: pg.Client;
let orgA = "";
let foreignResource = "";

beforeAll(async () => {
  owner = new pg.Client({ connectionString: db.current().ownerUrl });
  await owner.connect();
  orgA = await seedOrganization(owner, { slug: "inv-a" });
  const orgB = await seedOrganization(owner, { slug: "inv-b" });
  const a = await seedAccount(owner, { orgId: orgA, name: "prod" });
  await seedEstate(owner, { orgId: orgA, accountId: a, resources: 45, types: ["AWS::S3::Bucket", "AWS::KMS::Key", "AWS::EC2::Volume"], tags: { Team: "Data" } });
  const b = await seedAccount(owner, { orgId: orgB, name: "b" });
  await seedEstate(owner, { orgId: orgB, accountId: b, resources: 3, types: ["AWS::S3::Bucket"] });
  foreignResource = (await owner.query<{ id: string }>("SELECT id FROM resources WHERE org_id = $1 LIMIT 1", [orgB])).rows[0]!.id;
});

afterAll(async () => {
  await owner?.end();
});

const q = (o: Record<string, unknown> = {}) => resourcePageSchema.parse(o);

describe("inventory", () => {
  it("summarises by account, type and region", async () => {
    const s = await withTenant(orgA, (tx) => getInventorySummary({ tx }));
    expect(s.total).toBe(45);
    expect(s.byType.map((t) => t.n)).toEqual([15, 15, 15]);
    expect(s.byAccount).toEqual([expect.objectContaining({ name: "prod", n: 45 })]);
  });

  it("filters by tag key, key=value and type, and pages every resource once", async () => {
    const tagged = await withTenant(orgA, (tx) => findResources({ tx, query: q({ tag: "Team=Data", limit: 100 }) }));
    expect(tagged.total).toBe(9); // every fifth ordinal
    expect(tagged.items.every((r) => r.tags.Team === "Data")).toBe(true);
    expect((await withTenant(orgA, (tx) => findResources({ tx, query: q({ tag: "Team" }) }))).total).toBe(9);
    expect((await withTenant(orgA, (tx) => findResources({ tx, query: q({ tag: "Team=Other" }) }))).total).toBe(0);
    const kms = await withTenant(orgA, (tx) => findResources({ tx, query: q({ resourceType: "AWS::KMS::Key" }) }));
    expect(kms.total).toBe(15);
    const seen = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await withTenant(orgA, (tx) => findResources({ tx, query: q({ sort: "name", limit: 7, cursor }) }));
      page.items.forEach((r) => seen.add(r.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.size).toBe(45);
  });

  it("shows a resource with configuration, findings and history, and hides other organisations'", async () => {
    const id = (await owner.query<{ id: string }>("SELECT resource_id AS id FROM findings WHERE org_id = $1 AND status = 'FAIL' AND resource_type = 'AWS::S3::Bucket' LIMIT 1", [orgA])).rows[0]!.id;
    const r = await withTenantReader(orgA, (db) => getResource({ db, resourceId: id }));
    expect(r.configuration).toMatchObject({ ordinal: expect.any(Number) });
    expect(r.findings.length).toBeGreaterThan(5);
    expect(r.findings[0]!.status).toBe("FAIL"); // failing first
    await expect(withTenantReader(orgA, (db) => getResource({ db, resourceId: foreignResource }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(withTenantReader(orgA, (db) => getResource({ db, resourceId: "../etc" }))).rejects.toBeInstanceOf(NotFoundError);
  });

  it("rejects malformed tag filters and cursors as input errors", async () => {
    expect(resourcePageSchema.safeParse({ tag: "=x" }).success).toBe(false);
    const forged = Buffer.from(JSON.stringify(["not a date", "018f0000-0000-7000-8000-000000000000"])).toString("base64url");
    await expect(withTenant(orgA, (tx) => findResources({ tx, query: q({ sort: "lastChangedAt", cursor: forged }) }))).rejects.toBeInstanceOf(ValidationError);
  });
});
