import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { databaseUrl } from "./env";

export { Prisma } from "./generated/prisma/client";
export * from "./generated/prisma/enums";

// One client per process. Next's dev server re-evaluates modules on every change, so the
// instance is kept on globalThis to avoid exhausting connections (one pool per reload otherwise).
const globalForPrisma = globalThis as unknown as { __safeguardPrisma?: PrismaClient };

export function createPrismaClient(connectionString = databaseUrl()): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max: Number(process.env.DATABASE_POOL_MAX ?? 10) });
  return new PrismaClient({ adapter });
}

export function prisma(): PrismaClient {
  globalForPrisma.__safeguardPrisma ??= createPrismaClient();
  return globalForPrisma.__safeguardPrisma;
}

export type { PrismaClient };
