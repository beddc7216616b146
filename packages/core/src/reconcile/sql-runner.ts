// One shape for the two ways core holds a tenant connection: the pg client of withTenantSql (the
// scan pipeline) and the Prisma transaction of withTenant (use cases). Set-based statements that
// both need (exception matching, the day's roll-up) are written once, as text with $n parameters,
// and run through this.
import type { OrgSql, OrgTx } from "@safeguard/db/tenant";

export interface SqlRunner {
  rows<R>(text: string, params: readonly unknown[]): Promise<R[]>;
}

export function runnerOfSql(sql: OrgSql): SqlRunner {
  return { rows: async <R>(text: string, params: readonly unknown[]) => (await sql.query(text, [...params])).rows as R[] };
}

export function runnerOfTx(tx: OrgTx): SqlRunner {
  return { rows: <R>(text: string, params: readonly unknown[]) => tx.$queryRawUnsafe<R[]>(text, ...params) };
}
