import { randomUUID } from "node:crypto";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "./client";
import { pgPool } from "./pg";
import { system } from "./system";
import { Prisma } from "./client";
import { InvalidOrgIdError, readerOfTx, withTenant, withTenantReader, withTenantSql } from "./tenant";
import { insertRow, insertionOrder, readTables, type TableInfo } from "./testing/schema-rows";
import { useTestDatabase } from "./testing/use-test-database";

/**
 * Tenant isolation, proved for every table the database has (read from the catalog, so a new
 * table cannot be forgotten): connected as the application role, inside withTenant(A), a query
 * with no org filter sees none of B's rows, and writes aimed at B's rows change nothing or fail.
 */
const db = useTestDatabase();
const orgA = randomUUID();
const orgB = randomUUID();
let tables: TableInfo[] = [];
const rowsOf = { [orgA]: new Map<string, string>(), [orgB]: new Map<string, string>() };

beforeAll(async () => {
  // Seed as the owner (a superuser bypasses RLS), one row per table per organisation.
  const owner = new pg.Client({ connectionString: db.current().ownerUrl });
  await owner.connect();
  try {
    tables = insertionOrder(await readTables(owner));
    for (const orgId of [orgA, orgB]) {
      for (const table of tables) {
        const id = await insertRow(owner, table, orgId, rowsOf[orgId]!);
        rowsOf[orgId]!.set(table.name, id);
      }
    }
  } finally {
    await owner.end();
  }
});

const tenantTables = () => tables.filter((t) => t.tenant);
const orgColumn = (t: TableInfo) => (t.name === "organizations" ? "id" : "org_id");

describe("tenant isolation (row-level security)", () => {
  it("covers the whole model: every table is either a tenant table or explicitly global", () => {
    const global = tables.filter((t) => !t.tenant).map((t) => t.name);
    // Only users are global: a person can belong to several organisations.
    expect(global).toEqual(["users"]);
    expect(tenantTables().length).toBeGreaterThanOrEqual(16);
  });

  it("has ENABLE + FORCE row-level security on every tenant table, and the app role cannot bypass it", async () => {
    const { rows } = await pgPool().query<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean; owner: string }>(
      `SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity, pg_get_userbyid(c.relowner) AS owner
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r'`,
    );
    for (const table of tenantTables()) {
      const row = rows.find((r) => r.relname === table.name);
      expect(row, table.name).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true });
      expect(row!.owner).not.toBe("safeguard_app");
    }
    const me = await pgPool().query("SELECT current_user AS who, rolbypassrls, rolsuper FROM pg_roles WHERE rolname = current_user");
    expect(me.rows[0]).toEqual({ who: "safeguard_app", rolbypassrls: false, rolsuper: false });
  });

  it("shows nothing at all when no organisation is set", async () => {
    for (const table of tenantTables()) {
      const { rows } = await pgPool().query(`SELECT count(*)::int AS n FROM "${table.name}"`);
      expect(rows[0].n, table.name).toBe(0);
    }
  });

  it("inside withTenant(A), an unfiltered query returns A's rows and none of B's", async () => {
    await withTenantSql(orgA, async (sql) => {
      for (const table of tenantTables()) {
        const { rows } = await sql.query(`SELECT ${orgColumn(table)}::text AS org FROM "${table.name}"`);
        expect(rows.length, table.name).toBeGreaterThan(0);
        expect(new Set(rows.map((r) => r.org)), table.name).toEqual(new Set([orgA]));
      }
    });
  });

  it("inside withTenant(A), updates and deletes aimed at B's rows change nothing", async () => {
    for (const table of tenantTables()) {
      const idB = rowsOf[orgB]!.get(table.name)!;
      await withTenantSql(orgA, async (sql) => {
        const update = await sql.query(`UPDATE "${table.name}" SET id = id WHERE id = $1`, [idB]).catch((e: Error) => e);
        // audit_logs refuses UPDATE/DELETE outright (append-only); every other table silently matches no row.
        if (update instanceof Error) expect(table.name).toBe("audit_logs");
        else expect(update.rowCount, `${table.name} update`).toBe(0);
      });
      await withTenantSql(orgA, async (sql) => {
        const del = await sql.query(`DELETE FROM "${table.name}" WHERE id = $1`, [idB]).catch((e: Error) => e);
        if (del instanceof Error) expect(table.name).toBe("audit_logs");
        else expect(del.rowCount, `${table.name} delete`).toBe(0);
      });
    }
    // B's rows are all still there.
    await withTenantSql(orgB, async (sql) => {
      for (const table of tenantTables()) {
        const { rows } = await sql.query(`SELECT count(*)::int AS n FROM "${table.name}" WHERE id = $1`, [rowsOf[orgB]!.get(table.name)]);
        expect(rows[0].n, table.name).toBe(1);
      }
    });
  });

  it("inside withTenant(A), inserting a row for B, or moving A's row to B, fails", async () => {
    for (const table of tenantTables()) {
      const insert = withTenantSql(orgA, (sql) => insertRow(sql, table, orgB, rowsOf[orgB]!));
      await expect(insert, table.name).rejects.toThrow(/row-level security|violates/);
      if (table.name === "audit_logs" || table.name === "organizations") continue;
      const move = withTenantSql(orgA, (sql) =>
        sql.query(`UPDATE "${table.name}" SET org_id = $1 WHERE id = $2`, [orgB, rowsOf[orgA]!.get(table.name)]),
      );
      await expect(move, table.name).rejects.toThrow(/row-level security/);
    }
  });

  it("applies to the Prisma path too: withTenant(A) sees only A", async () => {
    const accounts = await withTenant(orgA, (tx) => tx.cloudAccount.findMany());
    expect(accounts.map((a) => a.orgId)).toEqual([orgA]);
    const orgs = await withTenant(orgB, (tx) => tx.organization.findMany());
    expect(orgs.map((o) => o.id)).toEqual([orgB]);
    // Outside withTenant the same query sees nothing.
    expect(await prisma().cloudAccount.count()).toBe(0);
  });

  it("applies to the read-only path too: withTenantReader(A) sees only A, writes nothing, leaks nothing", async () => {
    const orgsSeen = await withTenantReader(orgA, async (db) => {
      const seen = new Set<string>();
      for (const table of tenantTables()) {
        const rows = await db.rows<{ org: string }>(Prisma.sql`SELECT ${Prisma.raw(`${orgColumn(table)}::text`)} AS org FROM ${Prisma.raw(`"${table.name}"`)}`);
        expect(rows.length, table.name).toBeGreaterThan(0);
        for (const r of rows) seen.add(r.org);
      }
      return seen;
    });
    expect(orgsSeen).toEqual(new Set([orgA]));
    const write = withTenantReader(orgA, (db) => db.rows(Prisma.sql`UPDATE organizations SET name = name`));
    await expect(write).rejects.toThrow(/read-only transaction/);
    const { rows } = await pgPool().query("SELECT current_setting('app.org_id', true) AS org");
    expect(rows[0].org === null || rows[0].org === "").toBe(true);
    // The same reads inside a Prisma tenant transaction.
    const viaTx = await withTenant(orgB, (tx) => readerOfTx(tx).rows<{ id: string }>(Prisma.sql`SELECT id::text FROM organizations`));
    expect(viaTx.map((r) => r.id)).toEqual([orgB]);
  });

  it("never lets one request's organisation leak to the next on a pooled connection", async () => {
    await withTenantSql(orgA, async () => undefined);
    const { rows } = await pgPool().query("SELECT current_setting('app.org_id', true) AS org");
    expect(rows[0].org === null || rows[0].org === "").toBe(true);
  });

  it("refuses a malformed organisation id before touching the database", () => {
    expect(() => withTenant("1 OR 1=1", async () => 1)).toThrow(InvalidOrgIdError);
    // withTenantReader inlines the id into its BEGIN statement: the check is what keeps that safe.
    return expect(withTenantReader("x'); SELECT set_config('app.org_id', '", async () => 1)).rejects.toBeInstanceOf(InvalidOrgIdError);
  });

  it("answers the narrow system lookups across tenants, and nothing more", async () => {
    const scanB = rowsOf[orgB]!.get("scan_runs")!;
    expect(await system.orgOfScanRun(scanB)).toBe(orgB);
    expect(await system.orgOfScanRun(randomUUID())).toBeNull();
    const accountA = rowsOf[orgA]!.get("cloud_accounts")!;
    expect(await system.orgOfCloudAccount(accountA)).toBe(orgA);
    // The app role cannot read another tenant's table directly even knowing the id.
    const direct = await pgPool().query("SELECT count(*)::int AS n FROM scan_runs WHERE id = $1", [scanB]);
    expect(direct.rows[0].n).toBe(0);
  });
});
