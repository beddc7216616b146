import { resolve } from "node:path";
import { preflight } from "@safeguard/core/ops/preflight";
import { env } from "../env";

/**
 * The web's start-up and health check: database reachable and migrated, Redis up. One place for
 * both callers (instrumentation.ts at start, /api/health per request). Next runs from apps/web.
 */
export function webPreflight(timeoutMs?: number): Promise<void> {
  return preflight({ migrationsDir: resolve(process.cwd(), "../../prisma/migrations"), redisUrl: env().REDIS_URL, timeoutMs });
}
