// The driver-adapter factory the wasm schema engine talks to: @prisma/adapter-pg@7.10.1 with three fixes
// the engine needs for migrations. Each fix names the upstream behaviour it works around.
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum, DriverAdapterError } from "@prisma/driver-adapter-utils";
import { randomUUID } from "node:crypto";
import { databaseUrlWith, describeUrl, schemaOf } from "./urls.mjs";

const PG_CHAR_OID = 18; // the one-byte `"char"` type, e.g. pg_constraint.contype
const PG_TEXT_OID = 25;
/** rows array returned by performIO → indexes of the `"char"` columns in it */
const charColumnsByRows = new WeakMap();

/**
 * Fix 1 (prisma/orm#27403): adapter-pg throws UnsupportedNativeDataType for `"char"` (oid 18), which the engine
 * reads from pg_catalog whenever the database has a CHECK constraint or a function. Reporting it as Text is not
 * enough: the describer then panics (sql-schema-describer postgres.rs) because it expects a Character column.
 * So the column is let through as text and re-labelled Character afterwards.
 *
 * Fix 2: PrismaPgAdapter.executeScript splits the script on ";", which cuts plpgsql bodies
 * (`CREATE FUNCTION … AS $$ … ; … $$`) and DO blocks in half. A parameterless query uses Postgres' simple-query
 * protocol, which runs a multi-statement script as one implicit transaction, as the native engine does.
 *
 * The wrapper inherits everything else from the adapter (Object.create), so `this.client` etc. still resolve.
 */
function withMigrationFixes(queryable) {
  const fixed = Object.create(queryable);
  fixed.performIO = async function performIO(query) {
    const result = await queryable.performIO.call(this, query);
    const charColumns = [];
    result.fields.forEach((field, index) => {
      if (field.dataTypeID === PG_CHAR_OID) {
        field.dataTypeID = PG_TEXT_OID;
        charColumns.push(index);
      }
    });
    if (charColumns.length > 0) charColumnsByRows.set(result.rows, charColumns);
    return result;
  };
  fixed.queryRaw = async function queryRaw(query) {
    const resultSet = await queryable.queryRaw.call(this, query);
    for (const index of charColumnsByRows.get(resultSet.rows) ?? []) resultSet.columnTypes[index] = ColumnTypeEnum.Character;
    return resultSet;
  };
  if (typeof queryable.startTransaction === "function") {
    fixed.startTransaction = async function startTransaction(isolationLevel) {
      return withMigrationFixes(await queryable.startTransaction.call(this, isolationLevel));
    };
  }
  if (typeof queryable.executeScript === "function") {
    fixed.executeScript = async function executeScript(script) {
      try {
        await this.client.query(script);
      } catch (error) {
        this.onError(error); // converts the pg error into the DriverAdapterError the engine understands
      }
    };
  }
  return fixed;
}

function connectAdapter(url) {
  const schema = schemaOf(url);
  if (!schema) return new PrismaPg({ connectionString: url }).connect().then(withMigrationFixes);
  // `?schema=x`: adapter-pg only reports the name to the engine; the native engine also puts it on the
  // search_path, which is where the unqualified statements of migration scripts land.
  const searchPath = `-c search_path="${schema.replaceAll('"', '""')}"`;
  return new PrismaPg({ connectionString: url, options: searchPath }, { schema }).connect().then(withMigrationFixes);
}

/**
 * Fix 3: adapter-pg's connectToShadowDb builds the shadow pool as `{ ...config, database }`, and pg lets
 * `connectionString` win over `database`, so the "shadow" pool is the main database (symptom:
 * `type "X" already exists`). Its cleanup also DROPs the database before ending the pool that still uses it
 * (`database … is being accessed by other users`). Here the shadow URL is rewritten instead, the pool is ended
 * first and the DROP uses WITH (FORCE) (Postgres ≥ 13).
 *
 * With `shadowDatabaseUrl` configured, that database is used instead (for roles without CREATEDB): it is emptied
 * before use, as the native engine does, and never dropped.
 */
export class MigrationPgAdapterFactory {
  provider = "postgres";
  adapterName = "@prisma/adapter-pg";
  /** names of throwaway shadow databases created and not dropped yet, so a crash can still clean up */
  #liveShadowDatabases = new Set();

  /** @param {{ url?: string, shadowDatabaseUrl?: string }} datasource */
  constructor(datasource) {
    this.datasource = datasource;
  }

  async connect() {
    return connectAdapter(this.#mainUrl());
  }

  async connectToShadowDb() {
    try {
      return await this.#connectToShadowDb();
    } catch (error) {
      // A plain Error would reach the user as "External error id#N"; a DriverAdapterError keeps its message.
      throw error instanceof DriverAdapterError ? error : asDriverAdapterError(error, "Could not set up the shadow database");
    }
  }

  async #connectToShadowDb() {
    if (this.datasource.shadowDatabaseUrl) return this.#connectToConfiguredShadowDb(this.datasource.shadowDatabaseUrl);
    const mainUrl = this.#mainUrl();
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    await runOnce(mainUrl, `CREATE DATABASE "${database}"`);
    this.#liveShadowDatabases.add(database);
    const shadow = await connectAdapter(databaseUrlWith(mainUrl, database));
    const endShadowPool = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await endShadowPool();
      await this.#dropShadowDatabase(database);
    };
    return shadow;
  }

  /** Drops shadow databases whose adapter was never disposed (engine error or panic). */
  async dropLeftoverShadowDatabases() {
    for (const database of [...this.#liveShadowDatabases]) await this.#dropShadowDatabase(database).catch(() => {});
  }

  async #dropShadowDatabase(database) {
    await runOnce(this.#mainUrl(), `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    this.#liveShadowDatabases.delete(database);
  }

  async #connectToConfiguredShadowDb(shadowUrl) {
    const main = this.datasource.url ? describeUrl(this.datasource.url) : null;
    const shadow = describeUrl(shadowUrl);
    if (main && main.server === shadow.server && main.database === shadow.database) {
      throw new Error("The shadow database you configured is the same as the main database (datasource.shadowDatabaseUrl).");
    }
    await runOnce(shadowUrl, EMPTY_DATABASE_SQL);
    return connectAdapter(shadowUrl);
  }

  #mainUrl() {
    if (!this.datasource.url) throw new Error("No datasource url: set datasource.url in prisma.config.ts (DATABASE_OWNER_URL or DATABASE_URL).");
    return this.datasource.url;
  }
}

function asDriverAdapterError(error, context) {
  return new DriverAdapterError({
    kind: "postgres",
    code: error?.code ?? "N/A",
    severity: error?.severity ?? "ERROR",
    message: `${context}: ${error?.message ?? error}`,
    detail: error?.detail,
    column: undefined,
    hint: error?.hint,
  });
}

// Drops every user schema and recreates an empty `public`, which is what "reset the shadow database" means here.
const EMPTY_DATABASE_SQL = `DO $$
DECLARE s text;
BEGIN
  FOR s IN SELECT nspname FROM pg_namespace
           WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', s);
  END LOOP;
  CREATE SCHEMA public;
END $$;`;

/** Runs one statement on a short-lived connection (CREATE/DROP DATABASE cannot run inside a transaction). */
export async function runOnce(url, sql) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}
