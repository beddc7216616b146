// Entry point: `npm run start -w @safeguard/worker`. SIGTERM/SIGINT close the workers gracefully
// (running scans finish or roll back); a second signal exits at once.
import { resolve } from "node:path";
import { PreflightError, preflight } from "@safeguard/core/ops/preflight";
import { closeDatabase } from "@safeguard/db/pg";
import { parseWorkerEnv, type WorkerEnv } from "./env";
import { log } from "./log";
import { startWorker } from "./runtime";

// Bad configuration ends the process with one line that says what is wrong and how to fix it,
// before any connection pool or queue starts retrying in the background.
async function checkedEnv(): Promise<WorkerEnv> {
  try {
    const env = parseWorkerEnv();
    await preflight({ migrationsDir: resolve(import.meta.dirname, "../../../prisma/migrations"), redisUrl: env.REDIS_URL });
    return env;
  } catch (error) {
    const message = error instanceof PreflightError ? error.message : (error as Error).message.replace(/\s*\n\s*/g, " ");
    console.error(`safeguard worker: ${message}`);
    process.exit(1);
  }
}

const env = await checkedEnv();
const runtime = await startWorker(env);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) process.exit(1);
  stopping = true;
  log("info", "shutting down", { signal });
  await runtime.close();
  await closeDatabase();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
