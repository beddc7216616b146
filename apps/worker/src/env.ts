// The worker's settings, validated once at start. The only place in the worker that reads
// process.env (the AWS SDK and the db package read their own variables through their own chains).
import { hostname } from "node:os";
import { z } from "zod";

const bool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

const Env = z.object({
  REDIS_URL: z.string().url(),
  SAFEGUARD_QUEUE_PREFIX: z.string().regex(/\{[^{}]+\}/, "must contain a {hash tag} for Redis Cluster").default("{safeguard}"),
  SAFEGUARD_WORKER_ID: z.string().min(1).default(`${hostname()}:${process.pid}`),
  /** scans this process runs at once */
  SAFEGUARD_SCAN_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  /** scans running at once across every worker process (BullMQ global concurrency); unset = no global cap */
  SAFEGUARD_SCAN_GLOBAL_CONCURRENCY: z.coerce.number().int().min(1).max(10_000).optional(),
  /** scans one organisation may run at once across all workers */
  SAFEGUARD_SCAN_CONCURRENCY_PER_ORG: z.coerce.number().int().min(1).max(64).default(2),
  SAFEGUARD_SCAN_LEASE_MS: z.coerce.number().int().min(2_000).default(120_000),
  SAFEGUARD_SCAN_HEARTBEAT_MS: z.coerce.number().int().min(200).default(10_000),
  /** how long an organisation at its limit waits before its job is tried again */
  SAFEGUARD_FAIRNESS_BACKOFF_MS: z.coerce.number().int().min(50).default(2_000),
  SAFEGUARD_WATCHDOG_EVERY_MS: z.coerce.number().int().min(500).default(15_000),
  SAFEGUARD_SCHEDULE_TICK_EVERY_MS: z.coerce.number().int().min(1_000).default(60_000),
  /** false: do not register the maintenance schedulers (tests that drive them by hand) */
  SAFEGUARD_MAINTENANCE: bool.default(true),
  /** SDK attempts per AWS call (throttling and 5xx back off exponentially) */
  SAFEGUARD_AWS_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(8),
  /** simulator only: AWS endpoint (the SDK also reads AWS_ENDPOINT_URL itself) */
  AWS_ENDPOINT_URL: z.string().url().optional().or(z.literal("").transform(() => undefined)),
  SAFEGUARD_AZURE_AUTHORITY_HOST: z.string().url().optional().or(z.literal("").transform(() => undefined)),
  SAFEGUARD_AZURE_ARM_ENDPOINT: z.string().url().optional().or(z.literal("").transform(() => undefined)),
  SAFEGUARD_AZURE_GRAPH_ENDPOINT: z.string().url().optional().or(z.literal("").transform(() => undefined)),
  /** simulator only: every Key Vault's data plane at {this}/{vault host} instead of the vault's own host */
  SAFEGUARD_AZURE_KEYVAULT_ENDPOINT: z.string().url().optional().or(z.literal("").transform(() => undefined)),
});

export type WorkerEnv = z.infer<typeof Env>;

export function parseWorkerEnv(source: Record<string, string | undefined> = process.env): WorkerEnv {
  const parsed = Env.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Worker configuration is invalid:\n${lines}\nSee .env.example.`);
  }
  return parsed.data;
}
