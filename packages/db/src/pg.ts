import pg from "pg";
import { databaseUrl } from "./env";

// Raw node-postgres pool for set-based work (COPY, multi-row statements). Tenant code reaches it
// only through withTenantSql() in tenant.ts; system lookups through system.ts.
const globalForPg = globalThis as unknown as { __safeguardPgPool?: pg.Pool };

export function pgPool(): pg.Pool {
  if (!globalForPg.__safeguardPgPool) {
    const pool = new pg.Pool({ connectionString: databaseUrl(), max: Number(process.env.DATABASE_POOL_MAX ?? 10) });
    // An idle client's error (e.g. Postgres restarted) must not crash the process.
    pool.on("error", () => undefined);
    globalForPg.__safeguardPgPool = pool;
  }
  return globalForPg.__safeguardPgPool;
}

export async function closeDatabase(): Promise<void> {
  const pool = globalForPg.__safeguardPgPool;
  globalForPg.__safeguardPgPool = undefined;
  await pool?.end();
  const client = (globalThis as unknown as { __safeguardPrisma?: { $disconnect(): Promise<void> } }).__safeguardPrisma;
  (globalThis as unknown as { __safeguardPrisma?: unknown }).__safeguardPrisma = undefined;
  await client?.$disconnect();
}
