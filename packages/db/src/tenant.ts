import type { PoolClient } from "pg";
import { prisma, type Prisma, type PrismaClient } from "./client";
import { pgPool } from "./pg";

/**
 * A transaction bound to one organisation. Core use cases accept only this type, so a query can
 * only run after withTenant() has set app.org_id, and row-level security does the filtering.
 */
export type OrgTx = Prisma.TransactionClient & { readonly __orgTx: true };

/** The same guarantee for raw SQL (reconciliation uses COPY and set-based statements). */
export type OrgSql = PoolClient & { readonly __orgSql: true };

/**
 * Read-only tenant queries written as Prisma.sql fragments (bound parameters, composable). The
 * dashboards' hot reads take this rather than OrgTx: withTenantReader runs them on node-postgres in
 * a READ ONLY transaction, without the ORM's per-statement cost; readerOfTx runs the same reads
 * inside a write transaction.
 */
export interface OrgReader {
  readonly __orgReader: true;
  rows<T>(query: Prisma.Sql): Promise<T[]>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class InvalidOrgIdError extends Error {
  constructor(orgId: unknown) {
    super(`withTenant needs an organisation uuid, got ${JSON.stringify(orgId)}`);
    this.name = "InvalidOrgIdError";
  }
}

function assertOrgId(orgId: string): void {
  if (typeof orgId !== "string" || !UUID.test(orgId)) throw new InvalidOrgIdError(orgId);
}

export interface WithTenantOptions {
  /** defaults to the process-wide client */
  client?: PrismaClient;
  /** interactive transaction timeout; long set-based work should use withTenantSql */
  timeoutMs?: number;
}

/**
 * The one place the tenant is set for Prisma work. `set_config(…, true)` is transaction-local, so a
 * pooled connection never carries one organisation's id into another's request.
 */
export function withTenant<T>(orgId: string, fn: (tx: OrgTx) => Promise<T>, options: WithTenantOptions = {}): Promise<T> {
  assertOrgId(orgId);
  const client = options.client ?? prisma();
  return client.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT set_config('app.org_id', ${orgId}, true)`;
      return fn(tx as OrgTx);
    },
    { maxWait: 10_000, timeout: options.timeoutMs ?? 30_000 },
  );
}

/**
 * BEGIN (READ ONLY when asked) and the org in one round trip (the id is a checked uuid, so it is
 * inlined), then `fn` on that pooled connection, COMMIT (ROLLBACK on error).
 */
async function onTenantConnection<T>(orgId: string, readOnly: boolean, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  assertOrgId(orgId);
  const client = await pgPool().connect();
  try {
    await client.query(`BEGIN${readOnly ? " READ ONLY" : ""}; SELECT set_config('app.org_id', '${orgId}', true)`);
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** The raw-SQL twin of withTenant (reconciliation: COPY and set-based statements). */
export function withTenantSql<T>(orgId: string, fn: (sql: OrgSql) => Promise<T>): Promise<T> {
  return onTenantConnection(orgId, false, (client) => fn(client as OrgSql));
}

/** The read-only twin of withTenant for pages and GET routes: node-postgres, no ORM, nothing can be written. */
export function withTenantReader<T>(orgId: string, fn: (db: OrgReader) => Promise<T>): Promise<T> {
  return onTenantConnection(orgId, true, (client) =>
    fn({ __orgReader: true, rows: async <R>(q: Prisma.Sql) => (await client.query(q.text, q.values)).rows as R[] }),
  );
}

/** The same reads inside a Prisma tenant transaction (a flow that writes and then lists). */
export function readerOfTx(tx: OrgTx): OrgReader {
  return { __orgReader: true, rows: <R>(q: Prisma.Sql) => tx.$queryRaw<R[]>(q) };
}
