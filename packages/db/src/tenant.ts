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

/** The raw-SQL twin of withTenant: BEGIN, set the org, run, COMMIT (ROLLBACK on error). */
export async function withTenantSql<T>(orgId: string, fn: (sql: OrgSql) => Promise<T>): Promise<T> {
  assertOrgId(orgId);
  const client = await pgPool().connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT set_config('app.org_id', $1, true)", [orgId]);
    const result = await fn(client as OrgSql);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
