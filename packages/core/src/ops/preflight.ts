import { readdirSync } from "node:fs";
import { createConnection } from "node:net";
import pg from "pg";
import { ConfigError, databaseUrl, redactUrl } from "@safeguard/db/env";

/**
 * Start-up checks for web, worker and scripts: each problem becomes one line that says what is
 * wrong and how to fix it, instead of a stack trace from deep inside a driver.
 */
export interface PreflightOptions {
  /** folder of prisma migrations expected to be applied */
  migrationsDir: string;
  redisUrl?: string;
  timeoutMs?: number;
}

export class PreflightError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PreflightError";
  }
}

function tcpAnswers(host: string, port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

async function checkDatabase(migrationsDir: string, timeoutMs: number): Promise<void> {
  let url: string;
  try {
    url = databaseUrl();
  } catch (error) {
    if (error instanceof ConfigError) throw new PreflightError(error.message);
    throw error;
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
  } catch (error) {
    const reason = (error as Error).message;
    const hint = /does not exist/.test(reason) && /database/.test(reason)
      ? "run `npm run services` to create it"
      : /password|authentication|role/.test(reason)
        ? "check the user and password in DATABASE_URL (`npm run services` creates the safeguard_app role)"
        : "start PostgreSQL (`npm run services`) or fix the host/port in DATABASE_URL";
    throw new PreflightError(`Cannot connect to PostgreSQL at ${redactUrl(url)}: ${reason} — ${hint}.`);
  }
  try {
    const expected = readdirSync(migrationsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    const applied = await client
      .query<{ name: string }>("SELECT sg_applied_migrations() AS name")
      .then((r) => new Set(r.rows.map((row) => row.name)))
      .catch(() => new Set<string>());
    const pending = expected.filter((name) => !applied.has(name));
    if (pending.length) {
      throw new PreflightError(
        `${pending.length} database migration(s) not applied (${pending.slice(0, 3).join(", ")}${pending.length > 3 ? ", …" : ""}) — run \`npm run db:migrate\`.`,
      );
    }
  } finally {
    await client.end();
  }
}

async function checkRedis(redisUrl: string, timeoutMs: number): Promise<void> {
  let url: URL;
  try {
    url = new URL(redisUrl);
    if (url.protocol !== "redis:" && url.protocol !== "rediss:") throw new Error();
  } catch {
    throw new PreflightError(`REDIS_URL is not a valid redis:// URL (got ${JSON.stringify(redisUrl)}).`);
  }
  const port = Number(url.port || 6379);
  if (!(await tcpAnswers(url.hostname, port, timeoutMs))) {
    throw new PreflightError(`Redis does not answer at ${url.hostname}:${port} — start it (\`npm run services\`) or fix REDIS_URL.`);
  }
}

export async function preflight(options: PreflightOptions): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 3000;
  await checkDatabase(options.migrationsDir, timeoutMs);
  if (options.redisUrl !== undefined) await checkRedis(options.redisUrl, timeoutMs);
}
