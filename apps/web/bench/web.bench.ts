// npm run bench -w @safeguard/web
//
// Seeds a throwaway database (cloned from the migrated template) with 100 organisations and
// 1,000,000 findings, builds and starts the web app against it on a loopback port (or reuses an
// existing build with BENCH_SKIP_BUILD=1), signs in, and drives the dashboard routes with
// concurrent clients. Prints p50/p95/p99 per route and ends with one JSON line.
//
// Settings: BENCH_PORT (3917), BENCH_CONCURRENCY (4), BENCH_REQUESTS per route (150),
// BENCH_ORGS (100), BENCH_FINDINGS (1000000), BENCH_SKIP_BUILD, BENCH_KEEP_DB (prints the database's
// name), BENCH_DB=<name> (reuse a database an earlier BENCH_KEEP_DB run seeded: no seeding, not dropped).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { appUrl, createTestDatabase, ownerUrl, type TestDatabase } from "@safeguard/db/testing/test-database";
import { percentile, pool, Session } from "./http-client";
import { joinOrgs, seedBench } from "./seed-bench";

const here = dirname(fileURLToPath(import.meta.url));
const webDir = resolve(here, "..");
const num = (name: string, d: number) => Number(process.env[name] ?? d);
const PORT = num("BENCH_PORT", 3917);
const CONCURRENCY = num("BENCH_CONCURRENCY", 4);
const REQUESTS = num("BENCH_REQUESTS", 150);
const ORGS_DRIVEN = 10;
const PASSWORD = "Bench-password-2026!";

function log(msg: string): void {
  process.stderr.write(`[bench] ${msg}\n`);
}

async function waitForServer(base: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${base}/sign-in`);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the web app did not start within 120 s");
}

/** A fresh seeded database, or the one BENCH_DB names (seeded by an earlier run). */
async function benchDatabase(): Promise<{ db: TestDatabase; orgs: Array<{ id: string; slug: string }>; reused: boolean }> {
  const reuse = process.env.BENCH_DB;
  if (reuse) {
    const db: TestDatabase = { name: reuse, appUrl: appUrl(reuse), ownerUrl: ownerUrl(reuse), drop: async () => undefined };
    const c = new pg.Client({ connectionString: db.ownerUrl });
    await c.connect();
    const orgs = (await c.query<{ id: string; slug: string }>("SELECT id, slug FROM organizations WHERE slug ~ '^bench-[0-9]+$' ORDER BY slug")).rows;
    await c.end();
    log(`reusing database ${reuse}: ${orgs.length} organisations`);
    return { db, orgs, reused: true };
  }
  const t0 = Date.now();
  const db = await createTestDatabase();
  log(`database ${db.name}: seeding…`);
  const seeded = await seedBench(db.ownerUrl, { orgCount: num("BENCH_ORGS", 100), targetFindings: num("BENCH_FINDINGS", 1_000_000) });
  log(`seeded ${seeded.orgs.length} organisations, ${seeded.resources.toLocaleString()} resources, ${seeded.findings.toLocaleString()} findings in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return { db, orgs: seeded.orgs, reused: false };
}

async function main(): Promise<void> {
  const { db, orgs, reused } = await benchDatabase();
  process.env.DATABASE_URL = db.appUrl;
  let server: ChildProcess | undefined;
  try {
    const { seedDemoOrganization } = await import("@safeguard/core/orgs/seed-demo-organization");
    if (!reused) await seedDemoOrganization({ slug: "bench-home", name: "Bench home", emailDomain: "bench.test", password: PASSWORD });
    const owner = new pg.Client({ connectionString: db.ownerUrl });
    await owner.connect();
    const userId = (await owner.query<{ id: string }>("SELECT id FROM users WHERE email = 'owner@bench.test'")).rows[0]!.id;
    const driven = orgs.slice(0, ORGS_DRIVEN);
    await joinOrgs(db.ownerUrl, userId, driven.map((o) => o.id));
    const resourceIds = new Map<string, string[]>();
    for (const o of driven) {
      const { rows } = await owner.query<{ id: string }>("SELECT id FROM resources WHERE org_id = $1 ORDER BY md5(id::text) LIMIT 20", [o.id]);
      resourceIds.set(o.slug, rows.map((r) => r.id));
    }
    await owner.end();

    const env: Record<string, string | undefined> = {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: db.appUrl,
      NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
      NEXT_TELEMETRY_DISABLED: "1",
    };
    if (!process.env.BENCH_SKIP_BUILD) {
      log("next build…");
      const b = spawnSync("npx", ["next", "build"], { cwd: webDir, env: env as NodeJS.ProcessEnv, stdio: ["ignore", "inherit", "inherit"] });
      if (b.status !== 0) throw new Error(`next build failed (${b.status})`);
    }
    log(`next start on 127.0.0.1:${PORT}`);
    server = spawn("npx", ["next", "start", "-p", String(PORT), "-H", "127.0.0.1"], { cwd: webDir, env: env as NodeJS.ProcessEnv, stdio: ["ignore", "ignore", "inherit"], detached: true });
    const base = `http://127.0.0.1:${PORT}`;
    await waitForServer(base, server);

    const session = new Session(base);
    await session.signIn("owner@bench.test", PASSWORD);
    log("signed in");

    const org = (i: number) => driven[i % driven.length]!.slug;
    const res = (i: number) => { const l = resourceIds.get(org(i))!; return l[Math.floor(i / driven.length) % l.length]!; };
    const cursorFor = new Map<string, string>();
    for (const o of driven) {
      const r = await session.request(`/api/orgs/${o.slug}/findings?citation=164.312(a)(1)&limit=50`);
      cursorFor.set(o.slug, ((await r.json()) as { nextCursor: string }).nextCursor);
    }
    const routes: Record<string, (i: number) => string> = {
      "page /overview": (i) => `/${org(i)}/overview`,
      "api overview": (i) => `/api/orgs/${org(i)}/overview?days=90`,
      "page /findings": (i) => `/${org(i)}/findings?status=FAIL,ERROR`,
      "api findings status+severity": (i) => `/api/orgs/${org(i)}/findings?status=FAIL,ERROR&severity=CRITICAL,HIGH`,
      "api findings citation page 2": (i) => `/api/orgs/${org(i)}/findings?citation=164.312(a)(1)&limit=50&cursor=${cursorFor.get(org(i))}`,
      "api findings search+region": (i) => `/api/orgs/${org(i)}/findings?q=res-1${i % 10}&region=eu-west-1&sort=lastChangedAt`,
      "api findings account+type": (i) => `/api/orgs/${org(i)}/findings?resourceType=AWS::S3::Bucket&inScope=true&suppressed=false&sort=checkId`,
      "api resource": (i) => `/api/orgs/${org(i)}/resources/${res(i)}`,
      "page /inventory/:id": (i) => `/${org(i)}/inventory/${res(i)}`,
    };

    // Warm-up: first hits load code and plans; not measured.
    for (const make of Object.values(routes)) for (let i = 0; i < 3; i++) await (await session.request(make(i))).arrayBuffer();

    const results: Record<string, { p50Ms: number; p95Ms: number; p99Ms: number }> = {};
    for (const [name, make] of Object.entries(routes)) {
      const times: number[] = [];
      let errors = 0;
      await pool(REQUESTS, CONCURRENCY, async (i) => {
        const start = performance.now();
        const r = await session.request(make(i));
        await r.arrayBuffer();
        times.push(performance.now() - start);
        if (r.status !== 200) errors++;
      });
      times.sort((x, y) => x - y);
      const round = (n: number) => Math.round(n * 10) / 10;
      results[name] = { p50Ms: round(percentile(times, 50)), p95Ms: round(percentile(times, 95)), p99Ms: round(percentile(times, 99)) };
      console.log(`${name.padEnd(32)} p50 ${results[name].p50Ms.toFixed(1).padStart(7)} ms   p95 ${results[name].p95Ms.toFixed(1).padStart(7)} ms   p99 ${results[name].p99Ms.toFixed(1).padStart(7)} ms   ${REQUESTS} req${errors ? `, ${errors} non-200` : ""}`);
      if (errors) throw new Error(`${name}: ${errors} responses were not 200`);
    }
    const worstP95Ms = Math.max(...Object.values(results).map((r) => r.p95Ms));
    console.log(JSON.stringify({ routes: results, worstP95Ms }));
  } finally {
    if (server?.pid) {
      try {
        process.kill(-server.pid, "SIGTERM"); // the npx process group this script started
      } catch {
        // already gone
      }
    }
    if (process.env.BENCH_KEEP_DB && !reused) log(`kept database ${db.name} (BENCH_DB=${db.name} reuses it)`);
    else if (!process.env.BENCH_KEEP_DB) await db.drop();
    const { closeDatabase } = await import("@safeguard/db/pg");
    await closeDatabase();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
