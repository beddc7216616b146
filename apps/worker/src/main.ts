// Entry point: `npm run start -w @safeguard/worker`. SIGTERM/SIGINT close the workers gracefully
// (running scans finish or roll back); a second signal exits at once.
import { closeDatabase } from "@safeguard/db/pg";
import { parseWorkerEnv } from "./env";
import { log } from "./log";
import { startWorker } from "./runtime";

const env = parseWorkerEnv();
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
