// End-to-end plumbing: the cloud simulator in this process, a cloned database, a unique Redis key
// prefix, and worker processes started with `tsx src/main.ts` exactly as in production (configured
// through environment variables only).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { startSimulator, type RunningSimulator } from "@safeguard/cloud-sim/server";
import type { EstateOptions } from "@safeguard/cloud-sim/estate/generate";
import { createCloudAccount } from "@safeguard/core/accounts/create-cloud-account";
import { requestScan } from "@safeguard/core/scans/request-scan";
import { createQueues, type Queues } from "@safeguard/jobs/queues";
import { withTenant } from "@safeguard/db/tenant";

const here = dirname(fileURLToPath(import.meta.url));
export const WORKER_DIR = resolve(here, "..");
export const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
export const ENCRYPTION_KEY = randomBytes(32).toString("base64");
// The test process seals Azure secrets (createCloudAccount) with the key the worker processes open them with.
process.env.SAFEGUARD_ENCRYPTION_KEY = ENCRYPTION_KEY;

export function startTestSimulator(estate: EstateOptions = {}): Promise<RunningSimulator> {
  return startSimulator({ port: 0, httpsPort: 0, estate: { seed: "worker-e2e", awsAccounts: 1, azureSubscriptions: 1, resourcesPerAccount: 200, referenceTime: "2026-11-01T00:00:00.000Z", ...estate } });
}

export function uniquePrefix(): string {
  return `{sgtest-${randomBytes(4).toString("hex")}}`;
}

export interface WorkerProcess {
  id: string;
  child: ChildProcess;
  output: string[];
  stop(): Promise<void>;
  kill(): void;
}

export function workerEnv(sim: RunningSimulator, databaseUrl: string, prefix: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...(process.env as Record<string, string>),
    DATABASE_URL: databaseUrl,
    REDIS_URL,
    SAFEGUARD_QUEUE_PREFIX: prefix,
    SAFEGUARD_ENCRYPTION_KEY: ENCRYPTION_KEY,
    AWS_ENDPOINT_URL: sim.url,
    AWS_ACCESS_KEY_ID: sim.estate.platform.accessKeyId,
    AWS_SECRET_ACCESS_KEY: sim.estate.platform.secretAccessKey,
    AWS_REGION: "us-east-1",
    SAFEGUARD_AZURE_AUTHORITY_HOST: sim.httpsUrl ?? "",
    SAFEGUARD_AZURE_ARM_ENDPOINT: sim.httpsUrl ?? "",
    SAFEGUARD_AZURE_GRAPH_ENDPOINT: sim.httpsUrl ?? "",
    SAFEGUARD_AZURE_KEYVAULT_ENDPOINT: sim.httpsUrl ? `${sim.httpsUrl}/keyvault` : "",
    SAFEGUARD_MAINTENANCE: "false",
    SAFEGUARD_SCAN_LEASE_MS: "4000",
    SAFEGUARD_SCAN_HEARTBEAT_MS: "500",
    SAFEGUARD_FAIRNESS_BACKOFF_MS: "200",
    SAFEGUARD_AWS_MAX_ATTEMPTS: "3",
    ...extra,
  };
}

export async function startWorkerProcess(env: Record<string, string>, id: string): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], { cwd: WORKER_DIR, env: { ...env, SAFEGUARD_WORKER_ID: id }, stdio: ["ignore", "pipe", "pipe"] });
  const output: string[] = [];
  const onData = (b: Buffer) => output.push(...b.toString("utf8").split("\n").filter(Boolean));
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  await waitFor(() => output.some((l) => l.includes('"worker started"')) || child.exitCode !== null, 60_000, `worker ${id} start`);
  if (child.exitCode !== null) throw new Error(`worker ${id} exited: ${output.join("\n")}`);
  return {
    id, child, output,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
    kill() {
      child.kill("SIGKILL");
    },
  };
}

export async function waitFor(cond: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function createOrg(name: string): Promise<string> {
  const id = crypto.randomUUID();
  await withTenant(id, (tx) => tx.organization.create({ data: { id, slug: `${name.toLowerCase()}-${id.slice(0, 8)}`, name } }));
  return id;
}

export async function createSimAwsAccount(sim: RunningSimulator, orgId: string, overrides: { externalId?: string; label?: string } = {}): Promise<string> {
  const d = sim.estate.aws[0]!;
  const regions = sim.state.estate.aws[0]!.regions;
  const a = await withTenant(orgId, (tx) => createCloudAccount({
    tx, orgId,
    input: { provider: "AWS", name: overrides.label ?? "Sim", externalAccountId: overrides.label ? String(100_000_000_000 + randomBytes(5).readUIntBE(0, 5) % 899_999_999_999) : d.accountId,
      roleArn: d.roleArn, externalId: overrides.externalId ?? d.externalId, regions },
  }));
  return a.id;
}

export async function requestAndEnqueue(queues: Queues, orgId: string, accountId: string, kind: "FULL" | "INCREMENTAL" = "FULL"): Promise<string> {
  const run = await withTenant(orgId, (tx) => requestScan({ tx, accountId, kind, trigger: "MANUAL" }));
  await queues.enqueue("scan.account", { scanRunId: run.id }, { jobId: run.id });
  return run.id;
}

export async function scanRun(orgId: string, id: string) {
  return withTenant(orgId, (tx) => tx.scanRun.findUniqueOrThrow({ where: { id } }));
}

export async function waitForScan(orgId: string, id: string, timeoutMs = 90_000, statuses = ["SUCCEEDED", "PARTIAL", "FAILED", "CANCELLED"]) {
  await waitFor(async () => statuses.includes((await scanRun(orgId, id)).status), timeoutMs, `scan ${id}`);
  return scanRun(orgId, id);
}

export function testQueues(prefix: string): Queues {
  return createQueues({ url: REDIS_URL, prefix });
}

export async function dropPrefix(prefix: string): Promise<void> {
  const r = new Redis(REDIS_URL);
  const keys = await r.keys(`${prefix}*`);
  for (let i = 0; i < keys.length; i += 500) await r.del(...keys.slice(i, i + 500));
  await r.quit();
}

export async function createSimAzureAccount(sim: RunningSimulator, orgId: string, secret?: string): Promise<string> {
  const az = sim.estate.azure;
  const a = await withTenant(orgId, (tx) => createCloudAccount({
    tx, orgId,
    input: { provider: "AZURE", name: "Sim Azure", subscriptionId: az.subscriptions[0]!.subscriptionId, tenantId: az.tenantId, clientId: az.clientId, clientSecret: secret ?? az.clientSecret },
  }));
  return a.id;
}
