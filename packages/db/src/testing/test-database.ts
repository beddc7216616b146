import { createHash, randomBytes, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

/**
 * One database per test file, cloned from a template that has every migration applied
 * (CREATE DATABASE … TEMPLATE is a file copy: ~100 ms instead of re-running migrations).
 * Files run in parallel and leave nothing behind. The template's name carries a hash of the
 * migrations, so a changed migration builds a new template instead of reusing a stale one.
 */

const here = dirname(fileURLToPath(import.meta.url));
export const MIGRATIONS_DIR = resolve(here, "../../../../prisma/migrations");
export const APP_ROLE = "safeguard_app";
const TEMPLATE_FORMAT = "2";
export const APP_ROLE_PASSWORD = "safeguard_app";

export function ownerUrl(database = "postgres"): string {
  const url = new URL(process.env.DATABASE_OWNER_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  url.pathname = `/${database}`;
  return url.toString();
}

export function appUrl(database: string): string {
  const url = new URL(ownerUrl(database));
  url.username = APP_ROLE;
  url.password = APP_ROLE_PASSWORD;
  return url.toString();
}

function migrationFiles(): string[] {
  return readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(MIGRATIONS_DIR, d.name, "migration.sql"))
    .sort();
}

function templateName(files: string[]): string {
  // Bump TEMPLATE_FORMAT when the way templates are built changes, so stale ones are not reused.
  const hash = createHash("sha256").update(TEMPLATE_FORMAT);
  for (const file of files) hash.update(readFileSync(file));
  return `sg_tpl_${hash.digest("hex").slice(0, 12)}`;
}

/** A short owner (superuser) connection to one database: DDL, CHECKPOINT, test set-up. */
export async function withOwner<T>(database: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ownerUrl(database) });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Applies every migration (as the owner) to a database. Exposed for the migration tests. */
export async function applyMigrations(database: string, files = migrationFiles()): Promise<void> {
  await withOwner(database, async (c) => {
    // The same bookkeeping table `prisma migrate deploy` keeps, so start-up checks see the migrations as applied.
    await c.query(`CREATE TABLE IF NOT EXISTS _prisma_migrations (
      id varchar(36) PRIMARY KEY, checksum varchar(64) NOT NULL, finished_at timestamptz, migration_name varchar(255) NOT NULL,
      logs text, rolled_back_at timestamptz, started_at timestamptz NOT NULL DEFAULT now(), applied_steps_count integer NOT NULL DEFAULT 0)`);
    for (const file of files) {
      const sql = readFileSync(file, "utf8");
      await c.query(sql);
      await c.query(
        "INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)",
        [randomUUID(), createHash("sha256").update(sql).digest("hex"), basename(dirname(file))],
      );
    }
  });
}

export async function ensureTemplate(): Promise<string> {
  const files = migrationFiles();
  const name = templateName(files);
  await withOwner("postgres", async (c) => {
    // Several test processes may start at once: one builds, the others wait on the lock.
    await c.query("SELECT pg_advisory_lock(hashtext('safeguard-test-template'))");
    try {
      const { rowCount } = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
      if (rowCount) return;
      const building = `${name}_building`;
      await c.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${building}`);
      await applyMigrations(building, files);
      await c.query(`ALTER ROLE ${APP_ROLE} LOGIN PASSWORD '${APP_ROLE_PASSWORD}'`);
      await c.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
      await c.query(`ALTER DATABASE ${name} IS_TEMPLATE true`);
    } finally {
      await c.query("SELECT pg_advisory_unlock(hashtext('safeguard-test-template'))");
    }
  });
  return name;
}

export interface TestDatabase {
  name: string;
  appUrl: string;
  ownerUrl: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const template = await ensureTemplate();
  const name = `sg_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  await withOwner("postgres", (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  return {
    name,
    appUrl: appUrl(name),
    ownerUrl: ownerUrl(name),
    drop: () => withOwner("postgres", (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
