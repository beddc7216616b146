import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenantReader } from "@safeguard/db/tenant";
import { useTestDatabase } from "@safeguard/db/testing/use-test-database";
import { SEVERITY_WEIGHTS } from "../compliance/score";
import { getControlsTree } from "../controls-tree/get-controls-tree";
import { seedAccount, seedEstate, seedOrganization } from "../findings/testing/seed-estate";
import { getOverview } from "./get-overview";
import { getScoreTrend } from "./get-score-trend";

const db = useTestDatabase();
let owner: pg.Client;
let orgA = "";
let orgEmpty = "";
let acc1 = "";
let acc2 = "";

beforeAll(async () => {
  owner = new pg.Client({ connectionString: db.current().ownerUrl });
  await owner.connect();
  orgA = await seedOrganization(owner, { slug: "dash-a" });
  orgEmpty = await seedOrganization(owner, { slug: "dash-empty" });
  acc1 = await seedAccount(owner, { orgId: orgA, name: "prod" });
  acc2 = await seedAccount(owner, { orgId: orgA, name: "broken", status: "ROLE_NOT_ASSUMABLE" });
  await seedEstate(owner, { orgId: orgA, accountId: acc1, resources: 40, types: ["AWS::S3::Bucket", "AWS::EC2::Volume", "AWS::SageMaker::NotebookInstance"] });
  // Snapshots: acc1 on day -3 (50 %) and day -1 (80 %); acc2 only on day -3 (100 %, weight 10).
  await owner.query(
    `INSERT INTO compliance_snapshots (org_id, account_id, day, pass_count, fail_count, weighted_pass, weighted_total)
     VALUES ($1, $2, current_date - 3, 5, 5, 50, 100), ($1, $2, current_date - 1, 8, 2, 80, 100), ($1, $3, current_date - 3, 1, 0, 10, 10)`,
    [orgA, acc1, acc2],
  );
});

afterAll(async () => {
  await owner?.end();
});

describe("getOverview", () => {
  it("scores live in-scope findings with the severity weights, and agrees with a direct SQL sum", async () => {
    const o = await withTenantReader(orgA, (db) => getOverview({ db, trendDays: 7 }));
    const w = SEVERITY_WEIGHTS;
    const { rows } = await owner.query<{ wp: number; wt: number }>(
      `SELECT sum(CASE severity WHEN 'CRITICAL' THEN $2::float8 WHEN 'HIGH' THEN $3 WHEN 'MEDIUM' THEN $4 ELSE $5 END) FILTER (WHERE status = 'PASS') AS wp,
              sum(CASE severity WHEN 'CRITICAL' THEN $2::float8 WHEN 'HIGH' THEN $3 WHEN 'MEDIUM' THEN $4 ELSE $5 END) AS wt
       FROM findings WHERE org_id = $1 AND in_scope AND NOT suppressed AND deleted_at IS NULL AND status <> 'NOT_APPLICABLE'`,
      [orgA, w.CRITICAL, w.HIGH, w.MEDIUM, w.LOW],
    );
    expect(o.cloud.overall.weightedPass).toBeCloseTo(rows[0]!.wp);
    expect(o.cloud.overall.weightedTotal).toBeCloseTo(rows[0]!.wt);
    expect(o.cloud.overall.score).toBeCloseTo(Math.round((rows[0]!.wp / rows[0]!.wt) * 1000) / 10);
    // Manual controls: none attested, so the overall score is below the cloud score.
    expect(o.manual.current).toBe(0);
    expect(o.manual.never).toBe(o.manual.total);
    expect(o.overallScore!).toBeLessThan(o.cloud.overall.score!);
    expect(o.cloud.bySection.find((s) => s.section === "164.312")!.pass).toBeGreaterThan(0);
    expect(o.cloud.byStandard.length).toBeGreaterThan(3);
    expect(o.accountProblems.map((a) => a.name)).toEqual(["broken"]);
    // SageMaker notebooks are used here; whether they are BAA-covered is controls' call — the list only names types in use.
    expect(o.uncoveredServices.every((u) => u.resources > 0)).toBe(true);
  });

  it("tells an organisation without accounts to onboard", async () => {
    const o = await withTenantReader(orgEmpty, (db) => getOverview({ db }));
    expect(o.hasAccounts).toBe(false);
    expect(o.cloud.overall.score).toBeNull();
    expect(o.trend).toHaveLength(30);
  });
});

describe("getScoreTrend", () => {
  it("a first scan today gives one point per day of the range, the last one scored", async () => {
    const org = await seedOrganization(owner, { slug: "dash-first-day" });
    const acc = await seedAccount(owner, { orgId: org, name: "new" });
    await owner.query(
      `INSERT INTO compliance_snapshots (org_id, account_id, day, pass_count, fail_count, weighted_pass, weighted_total)
       VALUES ($1, $2, (now() AT TIME ZONE 'UTC')::date, 3, 1, 30, 40)`,
      [org, acc],
    );
    const trend = await withTenantReader(org, (db) => getScoreTrend({ db, days: 7 }));
    expect(trend).toHaveLength(7);
    expect(trend.at(-1)).toMatchObject({ day: new Date().toISOString().slice(0, 10), score: 75, pass: 3, fail: 1 });
    expect(trend.slice(0, 6).every((p) => p.score === null)).toBe(true);
  });

  it("carries each account's latest snapshot forward and sums the weights", async () => {
    const t = await withTenantReader(orgA, (db) => getScoreTrend({ db, days: 7 }));
    expect(t).toHaveLength(7);
    const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
    const at = (n: number) => t.find((p) => p.day === day(n))!;
    expect(at(4).score).toBeNull();
    expect(at(3).score).toBeCloseTo((60 / 110) * 100, 0); // 50+10 of 100+10
    expect(at(2).score).toBeCloseTo((60 / 110) * 100, 0); // carried forward
    expect(at(1).score).toBeCloseTo((90 / 110) * 100, 0); // acc1 improved, acc2 carried
    expect(at(0).score).toBeCloseTo((90 / 110) * 100, 0);
  });
});

describe("getControlsTree", () => {
  it("puts every standard under its section with failing-resource counts that match the findings", async () => {
    const tree = await withTenantReader(orgA, (db) => getControlsTree({ db }));
    expect(tree.map((s) => s.section)).toEqual(["164.308", "164.310", "164.312", "164.314", "164.316"]);
    const technical = tree.find((s) => s.section === "164.312")!;
    const access = technical.standards.find((s) => s.citation === "164.312(a)(1)")!;
    const encryption = access.specifications.find((s) => s.citation === "164.312(a)(2)(iv)")!;
    expect(encryption.checks.length).toBeGreaterThan(0);
    const checkIds = encryption.checks.map((c) => c.id);
    const { rows } = await owner.query<{ n: number }>(
      `SELECT count(DISTINCT resource_id)::int AS n FROM findings
       WHERE org_id = $1 AND check_id = ANY($2) AND status IN ('FAIL','ERROR') AND in_scope AND NOT suppressed AND deleted_at IS NULL`,
      [orgA, checkIds],
    );
    expect(encryption.failingResources).toBe(rows[0]!.n);
    expect(access.failingResources).toBeGreaterThanOrEqual(encryption.failingResources);
    // Manual controls appear with their attestation state.
    const all = tree.flatMap((s) => s.standards.flatMap((st) => [st, ...st.specifications]));
    expect(all.some((n) => n.manual?.state === "never")).toBe(true);
  });
});
