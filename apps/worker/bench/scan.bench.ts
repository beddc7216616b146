// `npm run bench:scan -- --resources 100000`: one AWS account of N resources in the simulator (its own
// process), a fresh database, the real collector and pipeline in this process (the "worker").
// Full first scan, then an incremental re-scan after 1 % drift; then a raw COPY of the same rows into
// scratch tables for comparison. Prints a JSON line last.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { pipeline } from "node:stream/promises";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { collectAws } from "@safeguard/collectors/aws/collect-aws";
import { DESCRIBED_TYPES } from "@safeguard/collectors/aws/describe-types";
import { createCloudAccount } from "@safeguard/core/accounts/create-cloud-account";
import { executeScan } from "@safeguard/core/scans/execute-scan";
import { claimScan } from "@safeguard/core/scans/lease";
import { requestScan } from "@safeguard/core/scans/request-scan";
import { loadScanTarget } from "@safeguard/core/scans/scan-target";
import { closeDatabase } from "@safeguard/db/pg";
import { withTenant, withTenantSql } from "@safeguard/db/tenant";
import { createTestDatabase, withOwner } from "@safeguard/db/testing/test-database";

// --deletions D: D of the 1 % drift are deletions (spread over random types), the rest configuration changes.
const { values } = parseArgs({ options: { resources: { type: "string", default: "100000" }, deletions: { type: "string", default: "0" }, keep: { type: "boolean", default: false } } });
const N = Number(values.resources);
const mib = (kb: number) => Math.round(kb / 1024);
const secs = (ms: number) => Math.round(ms / 10) / 100;
let peakRssKb = 0;
const sampler = setInterval(() => {
  peakRssKb = Math.max(peakRssKb, Math.round(process.memoryUsage.rss() / 1024));
}, 100);

console.log(`Starting the simulator with ${N.toLocaleString("en")} resources…`);
const simProc = spawn(process.execPath, ["--import", "tsx", new URL("./sim-process.ts", import.meta.url).pathname, String(N)], { stdio: ["ignore", "pipe", "inherit"] });
const firstLine = (await once(createInterface({ input: simProc.stdout! }), "line")) as [string];
const sim = JSON.parse(firstLine[0]) as { url: string; regions: string[]; estate: { platform: { accessKeyId: string; secretAccessKey: string }; aws: Array<{ accountId: string; roleArn: string; externalId: string }> } };
const db = await createTestDatabase();
process.env.DATABASE_URL = db.appUrl;

/**
 * Flushes what the previous phase wrote (a first scan leaves ~1 GB of WAL) before the next one is
 * timed, so a checkpoint it triggers does not land in the next measurement. In service, a re-scan
 * comes hours after the first scan.
 */
async function settleWrites(): Promise<void> {
  await withOwner(db.name, (owner) => owner.query("CHECKPOINT"));
}

try {
  const orgId = crypto.randomUUID();
  await withTenant(orgId, (tx) => tx.organization.create({ data: { id: orgId, slug: `bench-${orgId.slice(0, 8)}`, name: "Bench" } }));
  const d = sim.estate.aws[0]!;
  const account = await withTenant(orgId, (tx) => createCloudAccount({ tx, orgId, input: { provider: "AWS", name: "Bench", externalAccountId: d.accountId, roleArn: d.roleArn, externalId: d.externalId, regions: sim.regions } }));
  const conn = { endpoint: sim.url, platformCredentials: { accessKeyId: sim.estate.platform.accessKeyId, secretAccessKey: sim.estate.platform.secretAccessKey } };

  const scan = async (kind: "FULL" | "INCREMENTAL") => {
    const t0 = performance.now();
    const run = await withTenant(orgId, (tx) => requestScan({ tx, accountId: account.id, kind, trigger: "MANUAL" }));
    const claimed = (await withTenant(orgId, (tx) => claimScan({ tx, scanRunId: run.id, owner: "bench", leaseMs: 600_000 })))!;
    const target = await withTenant(orgId, (tx) => loadScanTarget({ tx, accountId: account.id }));
    const changedSince = claimed.kind === "INCREMENTAL" && target.changeWatermark ? new Date(target.changeWatermark.getTime() - 5 * 60_000) : null;
    const out = await executeScan({
      scanRunId: run.id, owner: "bench", kind: claimed.kind, target,
      source: (stored) => collectAws(conn, { accountId: d.accountId, roleArn: d.roleArn, externalId: d.externalId, sessionName: "bench", regions: sim.regions }, { changedSince, stored }),
      checkpoint: async () => undefined, progress: () => undefined,
    });
    const total = performance.now() - t0;
    const r = out.result;
    console.log(`${claimed.kind.padEnd(11)} ${out.status}: ${r.collected.toLocaleString("en")} collected, ${r.changed.toLocaleString("en")} changed, ` +
      `${r.evaluated.toLocaleString("en")} evaluated (${r.verdicts.toLocaleString("en")} verdicts); collect ${secs(r.timings.collectMs)} s, ` +
      `evaluate ${secs(r.timings.evaluateMs)} s, reconcile ${secs(r.timings.reconcileMs)} s, total ${secs(total)} s; events ${JSON.stringify(r.reconcile.events)}; ` +
      `reconcile steps (ms) ${JSON.stringify(r.reconcile.steps)}, findings diff by ${r.reconcile.diffPlan}` +
      (out.statistics ? `; statistics refreshed after commit: ${"ms" in out.statistics ? `${out.statistics.ms} ms` : out.statistics.error}` : ""));
    return { total, r };
  };

  const first = await scan("FULL");
  // A fast scan that lost rows would be no result: the stored rows must be exactly what was read.
  const stored = await withTenantSql(orgId, async (sql) => (await sql.query<{ resources: number; findings: number }>(
    "SELECT (SELECT count(*)::int FROM resources WHERE account_id = $1) AS resources, (SELECT count(*)::int FROM findings WHERE account_id = $1) AS findings",
    [account.id],
  )).rows[0]!);
  if (stored.resources !== first.r.collected || stored.findings !== first.r.verdicts) {
    throw new Error(`first scan stored ${stored.resources} resources / ${stored.findings} findings, but read ${first.r.collected} / ${first.r.verdicts}`);
  }
  await settleWrites();
  const driftCount = Math.max(1, Math.round(N / 100));
  const deletions = Math.min(Number(values.deletions), driftCount);
  const drifted = new Set<string>();
  if (deletions > 0) {
    // Resources AWS Config records (not the synthetic facts, not the types read from describe APIs).
    const victims = await withTenantSql(orgId, async (sql) => (await sql.query<{ native_id: string }>(
      `SELECT native_id FROM resources WHERE account_id = $1 AND resource_type LIKE 'AWS::%' AND NOT resource_type = ANY($2::text[])
       ORDER BY random() LIMIT $3`, [account.id, [...DESCRIBED_TYPES, "AWS::CloudTrail::Trail"], deletions])).rows);
    for (const v of victims) {
      const res = await fetch(`${sim.url}/_sim/drift`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ op: "delete", nativeId: v.native_id }) });
      if (!res.ok) throw new Error(`deleting ${v.native_id}: ${await res.text()}`);
      drifted.add(v.native_id);
    }
  }
  // The simulator drifts at most 100 resources per call, some of them Azure: call until 1 % of the AWS account changed.
  for (let i = 0; i < 200 && drifted.size < driftCount; i++) {
    const res = await fetch(`${sim.url}/_sim/drift`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ op: "random", count: 100 }) });
    for (const c of ((await res.json()) as { changes: Array<{ provider: string; nativeId: string }> }).changes) if (c.provider === "aws") drifted.add(c.nativeId);
  }
  console.log(`Drifted ${drifted.size.toLocaleString("en")} AWS resources (${((drifted.size / N) * 100).toFixed(1)} %), ${deletions} of them deleted.`);
  const second = await scan("INCREMENTAL");

  await settleWrites();
  // The database's own limit: the same resource and finding rows, COPY'd out and back into scratch tables.
  const rawStart = performance.now();
  const rawCopied = await withTenantSql(orgId, async (dest) => {
    let rows = 0;
    for (const table of ["resources", "findings"]) {
      await dest.query(`CREATE TEMP TABLE scratch_${table} (LIKE ${table} INCLUDING DEFAULTS) ON COMMIT DROP`);
      await withTenantSql(orgId, async (src) => {
        const out = src.query(copyTo(`COPY (SELECT * FROM ${table} WHERE account_id = '${account.id}') TO STDOUT`));
        const into = dest.query(copyFrom(`COPY scratch_${table} FROM STDIN`));
        await pipeline(out, into);
        rows += into.rowCount ?? 0;
      });
    }
    return rows;
  });
  const rawCopyMs = performance.now() - rawStart;
  // Most of a first scan's inserts run during collection (FreshRowMover); the database work in all
  // is the reconcile phase plus the moves that finished before it.
  const steps = first.r.reconcile.steps;
  const reconcileWorkMs = first.r.timings.reconcileMs - (steps.fresh ?? 0) + (steps.freshMovesTotal ?? 0);
  console.log(`Raw COPY of the same ${rawCopied.toLocaleString("en")} resource + finding rows (out and back in): ${secs(rawCopyMs)} s; ` +
    `reconcile phase of the first scan: ${secs(first.r.timings.reconcileMs)} s (${(first.r.timings.reconcileMs / rawCopyMs).toFixed(1)}x); ` +
    `reconcile work in all, incl. the inserts that overlapped collection: ${secs(reconcileWorkMs)} s (${(reconcileWorkMs / rawCopyMs).toFixed(1)}x).`);

  clearInterval(sampler);
  peakRssKb = Math.max(peakRssKb, process.resourceUsage().maxRSS);
  const summary = {
    resources: first.r.collected,
    firstScanSeconds: secs(first.total),
    rescanSeconds: secs(second.total),
    collectSeconds: secs(first.r.timings.collectMs),
    evaluateSeconds: secs(first.r.timings.evaluateMs),
    reconcileSeconds: secs(first.r.timings.reconcileMs),
    resourcesPerSecond: Math.round(first.r.collected / (first.total / 1000)),
    peakRssMiB: mib(peakRssKb),
    rawCopySeconds: secs(rawCopyMs),
    reconcileWorkSeconds: secs(reconcileWorkMs),
  };
  console.log(`First scan ${summary.firstScanSeconds} s (${summary.resourcesPerSecond.toLocaleString("en")} resources/s), re-scan ${summary.rescanSeconds} s, peak RSS ${summary.peakRssMiB} MiB.`);
  console.log(JSON.stringify(summary));
} finally {
  clearInterval(sampler);
  simProc.kill("SIGTERM");
  await closeDatabase();
  if (!values.keep) await db.drop();
}
