import { Redis } from "ioredis";

// One connection per process, kept on globalThis for the same reason as the Prisma client (Next's
// dev server re-evaluates modules). Sign-in throttling and TOTP replay guards live in Redis so every
// web process shares them.
const globalForRedis = globalThis as unknown as { __safeguardRedis?: Redis };

export function redisUrl(): string {
  return process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
}

export function redis(): Redis {
  globalForRedis.__safeguardRedis ??= new Redis(redisUrl(), { maxRetriesPerRequest: 2, lazyConnect: false, enableOfflineQueue: true });
  return globalForRedis.__safeguardRedis;
}

export async function closeRedis(): Promise<void> {
  const client = globalForRedis.__safeguardRedis;
  globalForRedis.__safeguardRedis = undefined;
  await client?.quit().catch(() => undefined);
}
