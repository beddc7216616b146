// `npm run preflight`: the start-up checks, as one readable line on failure (used by demo.sh).
import { resolve } from "node:path";
import { PreflightError, preflight } from "@safeguard/core/ops/preflight";

try {
  await preflight({ migrationsDir: resolve(import.meta.dirname, "../prisma/migrations"), redisUrl: process.env.REDIS_URL ?? "redis://127.0.0.1:6379" });
  console.log("preflight ok: database migrated and reachable, Redis answers");
} catch (error) {
  console.error(`✗ ${error instanceof PreflightError ? error.message : (error as Error).message}`);
  process.exit(1);
}
