import { randomUUID } from "node:crypto";
import type pg from "pg";

/**
 * Builds one valid row for every table in the public schema, read from the live catalog
 * (columns, types, enums, foreign keys) rather than from a hand-written list, so that a table
 * added tomorrow is covered by the tenancy test without anyone remembering to add it.
 */

export interface TableInfo {
  name: string;
  columns: Array<{ name: string; udtName: string; dataType: string; nullable: boolean; hasDefault: boolean }>;
  foreignKeys: Array<{ column: string; refTable: string; refColumn: string }>;
  tenant: boolean;
}

export async function readTables(client: pg.Client | pg.PoolClient): Promise<TableInfo[]> {
  const tables = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
     ORDER BY table_name`,
  );
  const columns = await client.query<{ table_name: string; column_name: string; udt_name: string; data_type: string; is_nullable: string; column_default: string | null }>(
    `SELECT table_name, column_name, udt_name, data_type, is_nullable, column_default
     FROM information_schema.columns WHERE table_schema = 'public' ORDER BY ordinal_position`,
  );
  const fks = await client.query<{ table_name: string; column_name: string; ref_table: string; ref_column: string }>(
    `SELECT tc.table_name, kcu.column_name, ccu.table_name AS ref_table, ccu.column_name AS ref_column
     FROM information_schema.table_constraints tc
     JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
     JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema
     WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = 'public'`,
  );
  return tables.rows.map(({ table_name }) => {
    const cols = columns.rows
      .filter((c) => c.table_name === table_name)
      .map((c) => ({ name: c.column_name, udtName: c.udt_name, dataType: c.data_type, nullable: c.is_nullable === "YES", hasDefault: c.column_default !== null }));
    return {
      name: table_name,
      columns: cols,
      foreignKeys: fks.rows.filter((f) => f.table_name === table_name).map((f) => ({ column: f.column_name, refTable: f.ref_table, refColumn: f.ref_column })),
      tenant: table_name === "organizations" || cols.some((c) => c.name === "org_id"),
    };
  });
}

/** Parents before children, so foreign keys can point at rows inserted earlier. */
export function insertionOrder(tables: TableInfo[]): TableInfo[] {
  const done = new Set<string>();
  const ordered: TableInfo[] = [];
  const visit = (t: TableInfo, path: Set<string>) => {
    if (done.has(t.name) || path.has(t.name)) return;
    path.add(t.name);
    for (const fk of t.foreignKeys) {
      const parent = tables.find((p) => p.name === fk.refTable);
      if (parent && parent.name !== t.name) visit(parent, path);
    }
    done.add(t.name);
    ordered.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return ordered;
}

async function enumLabel(client: pg.Client | pg.PoolClient, udtName: string): Promise<string> {
  const { rows } = await client.query<{ enumlabel: string }>(
    "SELECT e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = $1 ORDER BY e.enumsortorder LIMIT 1",
    [udtName],
  );
  if (!rows[0]) throw new Error(`no labels for enum ${udtName}`);
  return rows[0].enumlabel;
}

/**
 * Inserts one row into `table` for organisation `orgId` (when it is a tenant table), filling every
 * column: foreign keys point at `parents` (the rows already inserted for the same organisation).
 * Returns the inserted row's id.
 */
export async function insertRow(
  client: pg.Client | pg.PoolClient,
  table: TableInfo,
  orgId: string,
  parents: Map<string, string>,
): Promise<string> {
  const names: string[] = [];
  const values: unknown[] = [];
  const casts: string[] = [];
  const id = randomUUID();
  for (const col of table.columns) {
    const fk = table.foreignKeys.find((f) => f.column === col.name);
    let value: unknown;
    if (col.name === "id") value = table.name === "organizations" ? orgId : id;
    else if (col.name === "org_id") value = orgId;
    else if (fk) value = parents.get(fk.refTable) ?? null;
    else if (col.nullable || col.hasDefault) continue;
    else value = await sampleValue(client, col.udtName, col.dataType);
    if (value === null && !col.nullable) throw new Error(`${table.name}.${col.name}: no parent row in ${fk?.refTable}`);
    names.push(`"${col.name}"`);
    values.push(value);
    casts.push(col.dataType === "USER-DEFINED" ? `::"${col.udtName}"` : col.dataType === "ARRAY" ? `::${col.udtName.slice(1)}[]` : `::${col.udtName}`);
  }
  const placeholders = values.map((_, i) => `$${i + 1}${casts[i]}`);
  await client.query(`INSERT INTO "${table.name}" (${names.join(", ")}) VALUES (${placeholders.join(", ")})`, values);
  return table.name === "organizations" ? orgId : id;
}

async function sampleValue(client: pg.Client | pg.PoolClient, udtName: string, dataType: string): Promise<unknown> {
  if (dataType === "USER-DEFINED") return enumLabel(client, udtName);
  if (dataType === "ARRAY") return "{}";
  switch (udtName) {
    case "uuid":
      return randomUUID();
    case "text":
    case "varchar":
      return `sample-${randomUUID()}`;
    case "int4":
    case "int8":
    case "float8":
    case "numeric":
      return 1;
    case "bool":
      return false;
    case "jsonb":
    case "json":
      return "{}";
    case "timestamptz":
    case "timestamp":
    case "date":
      return new Date().toISOString();
    case "bytea":
      return Buffer.from([0]);
    default:
      throw new Error(`schema-rows: no sample value for type ${udtName}; add one`);
  }
}
