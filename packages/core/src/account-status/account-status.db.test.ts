import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "@safeguard/db/tenant";
import { useTestDatabase } from "@safeguard/db/testing/use-test-database";
import { seedAccount, seedOrganization } from "../findings/testing/seed-estate";
import { listCloudAccounts } from "../onboarding/list-cloud-accounts";
import { findScanHistory } from "./find-scan-history";

const db = useTestDatabase();
let owner: pg.Client;
let orgA = "";
let orgB = "";
let acc = "";
let accB = "";
let running = "";

async function insertRun(orgId: string, accountId: string, v: { status: string; phase?: string; minutesAgo: number; coverage?: unknown[]; collected?: number; expected?: number | null; error?: string }) {
  const { rows } = await owner.query<{ id: string }>(
    `INSERT INTO scan_runs (org_id, account_id, kind, trigger, status, phase, resources_collected, resources_expected, region_coverage, counts, error,
       queued_at, started_at, finished_at)
     VALUES ($1, $2, 'FULL', 'SCHEDULE', $3::"ScanStatus", $4::"ScanPhase", $5, $6, $7::jsonb, '{"FAIL":3,"PASS":7,"verdicts":{"ERROR":1}}', $8,
       now() - make_interval(mins => $9), now() - make_interval(mins => $9) + interval '5 seconds',
       CASE WHEN $3 IN ('QUEUED', 'RUNNING') THEN NULL ELSE now() - make_interval(mins => $9) + interval '65 seconds' END)
     RETURNING id`,
    [orgId, accountId, v.status, v.phase ?? (["QUEUED", "RUNNING"].includes(v.status) ? "COLLECTING" : "DONE"), v.collected ?? 0, v.expected ?? null,
      JSON.stringify(v.coverage ?? []), v.error ?? null, v.minutesAgo],
  );
  return rows[0]!.id;
}

beforeAll(async () => {
  owner = new pg.Client({ connectionString: db.current().ownerUrl });
  await owner.connect();
  orgA = await seedOrganization(owner, { slug: "status-a" });
  orgB = await seedOrganization(owner, { slug: "status-b" });
  acc = await seedAccount(owner, { orgId: orgA, name: "prod" });
  accB = await seedAccount(owner, { orgId: orgB, name: "other" });
  const coverage = [
    { region: "us-east-1", status: "ok", resources: 120 },
    { region: "eu-west-1", status: "no-recorder", resources: 0 },
    { region: "us-west-2", status: "error", resources: 0, error: { scope: "us-west-2", api: "config", code: "AccessDenied", message: "not allowed" } },
  ];
  for (let i = 0; i < 12; i++) await insertRun(orgA, acc, { status: "SUCCEEDED", minutesAgo: 600 - i * 30, coverage });
  await insertRun(orgA, acc, { status: "FAILED", minutesAgo: 60, error: "Safeguard could not assume the IAM role." });
  running = await insertRun(orgA, acc, { status: "RUNNING", minutesAgo: 1, collected: 500, expected: 1000 });
  await insertRun(orgB, accB, { status: "SUCCEEDED", minutesAgo: 5, coverage: [{ region: "us-east-1", status: "ok", resources: 1 }] });
});

afterAll(async () => {
  await owner?.end();
});

describe("listCloudAccounts with scan state", () => {
  it("shows the running scan's progress and the coverage of the last scan that read the account (not the failed one)", async () => {
    const [row] = await withTenant(orgA, (tx) => listCloudAccounts(tx));
    expect(row!.currentScan).toMatchObject({ id: running, status: "RUNNING", phase: "COLLECTING", resourcesCollected: 500, resourcesExpected: 1000, durationMs: null });
    // collecting spans 5–75 %: half of the expected resources is 40 %
    expect(row!.currentScan!.percent).toBe(40);
    const cov = row!.lastCoverage!.coverage;
    expect([cov.ok, cov.noRecorder, cov.error]).toEqual([1, 1, 1]);
    expect(cov.regions.map((r) => r.region)).toEqual(["us-west-2", "eu-west-1", "us-east-1"]);
    expect(cov.regions[0]!.error).toBe("config: AccessDenied: not allowed");
    expect(cov.regions[1]!.advice).toMatch(/AWS Config recorder/);
  });
});

describe("findScanHistory", () => {
  it("returns the last 10 runs newest first, with durations and flattened counts", async () => {
    const runs = await withTenant(orgA, (tx) => findScanHistory({ tx, accountId: acc }));
    expect(runs).toHaveLength(10);
    expect(runs[0]!.id).toBe(running);
    expect(runs[1]).toMatchObject({ status: "FAILED", error: "Safeguard could not assume the IAM role.", durationMs: 60_000 });
    expect(runs[2]!.counts).toMatchObject({ FAIL: 3, PASS: 7, ERROR: 1 });
    expect(runs[2]!.durationMs).toBe(60_000);
    const times = runs.map((r) => Date.parse(r.queuedAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it("another organisation's account is not found", async () => {
    await expect(withTenant(orgA, (tx) => findScanHistory({ tx, accountId: accB }))).rejects.toThrow(/not found/);
  });
});
