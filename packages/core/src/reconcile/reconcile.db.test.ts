import { describe, expect, it } from "vitest";
import { checksForType } from "@safeguard/controls/catalog";
import { withTenant, withTenantSql } from "@safeguard/db/tenant";
import { useTestDatabase } from "@safeguard/db/testing/use-test-database";
import { applyExceptions } from "../exceptions/apply-exceptions";
import { createAwsAccount, createOrg, fromList, regionEvents, regionFacts, scanOnce, volume } from "../scans/testing/fixtures";
import { PLANNER_SETTINGS, reconcileFindings, type DiffPlan } from "./findings";
import { analyseStaging, createStaging, stageVerdicts } from "./staging";

useTestDatabase();

const ENCRYPTED = "aws.ec2.volume.encrypted";

async function state(orgId: string, accountId: string) {
  return withTenant(orgId, async (tx) => {
    const resources = await tx.resource.findMany({ where: { accountId }, orderBy: { nativeId: "asc" } });
    const findings = await tx.finding.findMany({ where: { accountId }, include: { resource: { select: { resourceId: true } } } });
    const events = await tx.findingEvent.findMany({ where: { accountId }, orderBy: { id: "asc" } });
    const notifications = await tx.notification.findMany({ orderBy: { id: "asc" } });
    const account = await tx.cloudAccount.findUniqueOrThrow({ where: { id: accountId } });
    const snapshots = await tx.complianceSnapshot.findMany({ where: { accountId } });
    return { resources, findings, events, notifications, account, snapshots };
  });
}

const finding = (s: Awaited<ReturnType<typeof state>>, resourceId: string, checkId = ENCRYPTED) =>
  s.findings.find((f) => f.resource.resourceId === resourceId && f.checkId === checkId);

const eventsOf = (s: Awaited<ReturnType<typeof state>>, scanRunId: string, checkId = ENCRYPTED) =>
  s.events.filter((e) => e.scanRunId === scanRunId && e.checkId === checkId).map((e) => ({ kind: e.kind, from: e.fromStatus, to: e.toStatus, resourceId: e.resourceId }));

describe("reconciliation", () => {
  it("records a first scan as the baseline: resources, findings, OPENED events, a roll-up, no drift alert", async () => {
    const org = await createOrg();
    const acct = await createAwsAccount(org);
    const first = await scanOnce(org, acct, regionEvents({
      "us-east-1": [regionFacts("us-east-1"), volume("vol-a", true), volume("vol-b", false)],
      "us-west-2": [regionFacts("us-west-2"), volume("vol-c", true, "us-west-2")],
    }));
    expect(first.status).toBe("SUCCEEDED");
    const s = await state(org, acct);
    expect(s.resources.filter((r) => !r.deletedAt)).toHaveLength(5);
    expect(finding(s, "vol-a")?.status).toBe("PASS");
    expect(finding(s, "vol-b")?.status).toBe("FAIL");
    const volB = s.resources.find((r) => r.resourceId === "vol-b")!;
    expect(eventsOf(s, first.scanRunId).filter((e) => e.kind !== "FIRST_SEEN")).toEqual([{ kind: "OPENED", from: null, to: "FAIL", resourceId: volB.id }]);
    expect(s.notifications).toHaveLength(0);
    expect(s.account.status).toBe("ACTIVE");
    expect(s.account.lastScanId).toBe(first.scanRunId);
    expect(s.account.lastFullScanAt).not.toBeNull();
    expect(s.snapshots).toHaveLength(1);
    expect(s.snapshots[0]!.failCount).toBeGreaterThan(0);
    expect(s.snapshots[0]!.weightedTotal).toBeGreaterThan(s.snapshots[0]!.weightedPass);
  });

  it("turns drift into REGRESSED / RESOLVED / RESOURCE_DELETED events and one outbox row, idempotently", async () => {
    const org = await createOrg();
    const acct = await createAwsAccount(org);
    const base = { "us-east-1": [regionFacts("us-east-1"), volume("vol-a", true), volume("vol-b", false), volume("vol-d", false)], "us-west-2": [regionFacts("us-west-2")] };
    await scanOnce(org, acct, regionEvents(base));
    const before = await state(org, acct);
    const drift = await scanOnce(org, acct, regionEvents({
      "us-east-1": [regionFacts("us-east-1"), volume("vol-a", false), volume("vol-b", true)],
      "us-west-2": [regionFacts("us-west-2")],
    }));
    const s = await state(org, acct);
    const id = (rid: string) => s.resources.find((r) => r.resourceId === rid)!.id;
    expect(eventsOf(s, drift.scanRunId).sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
      { kind: "REGRESSED", from: "PASS", to: "FAIL", resourceId: id("vol-a") },
      { kind: "RESOLVED", from: "FAIL", to: "PASS", resourceId: id("vol-b") },
      { kind: "RESOURCE_DELETED", from: "FAIL", to: "FAIL", resourceId: id("vol-d") },
    ]);
    expect(s.resources.find((r) => r.resourceId === "vol-d")!.deletedAt).not.toBeNull();
    expect(finding(s, "vol-d")!.deletedAt).not.toBeNull();
    expect(s.notifications).toHaveLength(1);
    const n = s.notifications[0]!;
    expect(n.kind).toBe("drift");
    expect(n.dedupeKey).toBe(drift.scanRunId);
    const payload = n.payload as { counts: Record<string, number>; top: Array<{ kind: string }> };
    const allDrift = s.events.filter((e) => e.scanRunId === drift.scanRunId && ["OPENED", "REGRESSED", "RESOLVED", "RESOURCE_DELETED"].includes(e.kind));
    expect(Object.values(payload.counts).reduce((a, b) => a + b, 0)).toBe(allDrift.length);
    expect(payload.counts.REGRESSED).toBeGreaterThanOrEqual(1);
    // unchanged resources were not rewritten
    const regionBefore = before.resources.find((r) => r.resourceId === "us-east-1")!;
    expect(s.resources.find((r) => r.resourceId === "us-east-1")!.lastChangedAt).toEqual(regionBefore.lastChangedAt);

    // The same picture again: no events, no second notification.
    const again = await scanOnce(org, acct, regionEvents({
      "us-east-1": [regionFacts("us-east-1"), volume("vol-a", false), volume("vol-b", true)],
      "us-west-2": [regionFacts("us-west-2")],
    }));
    const s2 = await state(org, acct);
    expect(s2.events.filter((e) => e.scanRunId === again.scanRunId)).toHaveLength(0);
    expect(s2.notifications).toHaveLength(1);
  });

  it("does not delete resources of a region that failed (partial scan) and says so", async () => {
    const org = await createOrg();
    const acct = await createAwsAccount(org);
    await scanOnce(org, acct, regionEvents({ "us-east-1": [regionFacts("us-east-1"), volume("vol-a", true)], "us-west-2": [regionFacts("us-west-2"), volume("vol-w", true, "us-west-2")] }));
    const partial = await scanOnce(org, acct, regionEvents({ "us-east-1": [regionFacts("us-east-1")], "us-west-2": [] }, { "us-west-2": "Service unavailable" }));
    expect(partial.status).toBe("PARTIAL");
    const s = await state(org, acct);
    expect(s.resources.find((r) => r.resourceId === "vol-w")!.deletedAt).toBeNull();
    expect(s.resources.find((r) => r.resourceId === "vol-a")!.deletedAt).not.toBeNull();
    const run = await withTenant(org, (tx) => tx.scanRun.findUniqueOrThrow({ where: { id: partial.scanRunId } }));
    expect(run.regionCoverage).toEqual(expect.arrayContaining([expect.objectContaining({ region: "us-west-2", status: "error" })]));
    expect(s.account.lastError).toContain("Service unavailable");
  });

  it("leaves the committed state intact when a scan crashes midway", async () => {
    const org = await createOrg();
    const acct = await createAwsAccount(org);
    await scanOnce(org, acct, regionEvents({ "us-east-1": [regionFacts("us-east-1"), volume("vol-a", true)], "us-west-2": [regionFacts("us-west-2")] }));
    const before = await state(org, acct);
    const events = regionEvents({ "us-east-1": [regionFacts("us-east-1"), volume("vol-a", false), volume("vol-new", false)], "us-west-2": [regionFacts("us-west-2")] });
    await expect(scanOnce(org, acct, fromList(events, 2))).rejects.toThrow("simulated crash");
    const after = await state(org, acct);
    expect(after.resources).toEqual(before.resources);
    expect(after.findings).toEqual(before.findings);
    expect(after.events).toEqual(before.events);
    expect(after.account.lastScanId).toBe(before.account.lastScanId);
  });

  it("suppresses findings covered by an approved exception, keeps them visible and out of the score", async () => {
    const org = await createOrg();
    const acct = await createAwsAccount(org);
    const events = regionEvents({ "us-east-1": [regionFacts("us-east-1"), volume("vol-b", false)], "us-west-2": [regionFacts("us-west-2")] });
    await scanOnce(org, acct, events);
    const user = "00000000-0000-4000-8000-000000000001";
    const ex = await withTenant(org, (tx) => tx.exception.create({
      data: { orgId: org, scope: "CHECK_ON_ACCOUNT", checkId: ENCRYPTED, accountId: acct, justification: "legacy volume, migrating", status: "APPROVED", requestedById: user, expiresAt: new Date(Date.now() + 86_400_000) },
    }));
    await scanOnce(org, acct, events);
    const s = await state(org, acct);
    const f = finding(s, "vol-b")!;
    expect(f.status).toBe("FAIL");
    expect(f.suppressed).toBe(true);
    expect(f.exceptionId).toBe(ex.id);
    expect(s.snapshots[0]!.suppressedCount).toBeGreaterThanOrEqual(1);
  });

  it("applies exceptions with one rule set: the scan's account step and the organisation-wide entry agree", async () => {
    const org = await createOrg();
    const a = await createAwsAccount(org);
    const b = await createAwsAccount(org, ["us-east-1", "us-west-2"], "210987654321");
    const events = regionEvents({ "us-east-1": [regionFacts("us-east-1"), volume("vol-t", false, "us-east-1", { Team: "Legacy" }), volume("vol-u", false)], "us-west-2": [regionFacts("us-west-2")] });
    await scanOnce(org, a, events);
    await scanOnce(org, b, events);
    // A TAG exception on every account (key and value compare case-insensitively).
    await withTenant(org, (tx) => tx.exception.create({
      data: { orgId: org, scope: "TAG", tagKey: "team", tagValue: "LEGACY", justification: "legacy team estate, migrating", status: "APPROVED",
        requestedById: "00000000-0000-4000-8000-000000000001", expiresAt: new Date(Date.now() + 86_400_000) },
    }));
    const suppressed = async (acct: string) => (await state(org, acct)).findings.filter((f) => f.suppressed).map((f) => `${f.resource.resourceId}/${f.checkId}`).sort();
    await scanOnce(org, a, events);
    const afterScan = await suppressed(a);
    expect(afterScan.length).toBeGreaterThan(0);
    expect(afterScan.every((k) => k.startsWith("vol-t/"))).toBe(true);
    expect(await suppressed(b)).toEqual([]); // the scan of A touched only A
    const changed = await withTenant(org, (tx) => applyExceptions({ tx }));
    expect(await suppressed(a)).toEqual(afterScan); // the organisation-wide entry agrees on A: nothing to change there
    expect(await suppressed(b)).toEqual(afterScan);
    expect(changed).toBe(afterScan.length);
  });

  it("finds the same changes whichever way the verdicts meet the stored findings (one hash, or index lookups)", async () => {
    const org = await createOrg();
    const acct = await createAwsAccount(org);
    const first = await scanOnce(org, acct, regionEvents({ "us-east-1": [regionFacts("us-east-1"), volume("vol-a", true), volume("vol-b", false), volume("vol-c", true)], "us-west-2": [regionFacts("us-west-2")] }));
    const staged = [
      { snapshot: volume("vol-a", false), verdict: { checkId: ENCRYPTED, status: "FAIL" as const, evidence: [], inScope: true }, severity: "HIGH" as const },
      { snapshot: volume("vol-b", false), verdict: { checkId: ENCRYPTED, status: "FAIL" as const, evidence: [], inScope: true }, severity: "HIGH" as const },
      { snapshot: volume("vol-c", true), verdict: { checkId: "aws.test.new-check", status: "FAIL" as const, evidence: [], inScope: true }, severity: "LOW" as const },
      // A verdict for a resource the account does not hold is dropped, in both plans.
      { snapshot: volume("vol-zz", true), verdict: { checkId: ENCRYPTED, status: "PASS" as const, evidence: [], inScope: true }, severity: "HIGH" as const },
    ];
    const outcome = async (plan: DiffPlan) => {
      let seen: unknown;
      // Each plan runs on the same stored state: its transaction is rolled back.
      await withTenantSql(org, async (sql) => {
        await createStaging(sql);
        await stageVerdicts(sql, staged);
        await analyseStaging(sql);
        await sql.query(PLANNER_SETTINGS[plan]);
        const counts = await reconcileFindings(sql, { orgId: org, accountId: acct, provider: "AWS" }, first.scanRunId, plan);
        const diff = (await sql.query("SELECT check_id, status, is_new, insert_row, old_status FROM finding_diff ORDER BY check_id, old_status::text")).rows;
        seen = { counts, diff };
        throw new Error("roll back");
      }).catch((e: unknown) => {
        if (!(e instanceof Error && e.message === "roll back")) throw e;
      });
      return seen;
    };
    const lookup = await outcome("lookup");
    expect(lookup).toEqual({
      // vol-b still fails, with other evidence: updated, no event.
      counts: { inserted: 1, updated: 2, events: { OPENED: 1, REGRESSED: 1 } },
      diff: [
        { check_id: ENCRYPTED, status: "FAIL", is_new: false, insert_row: false, old_status: "FAIL" },
        { check_id: ENCRYPTED, status: "FAIL", is_new: false, insert_row: false, old_status: "PASS" },
        { check_id: "aws.test.new-check", status: "FAIL", is_new: true, insert_row: true, old_status: null },
      ],
    });
    expect(await outcome("scan")).toEqual(lookup);
  });

  it("re-scans incrementally: only changed items arrive, deletions come from the id list", async () => {
    const org = await createOrg();
    const acct = await createAwsAccount(org);
    await scanOnce(org, acct, regionEvents({ "us-east-1": [regionFacts("us-east-1"), volume("vol-a", true), volume("vol-b", true), volume("vol-c", true)], "us-west-2": [regionFacts("us-west-2")] }));
    const inc = await scanOnce(org, acct, [
      { kind: "snapshots", region: "us-east-1", snapshots: [regionFacts("us-east-1"), volume("vol-b", false)] },
      { kind: "ids", region: "us-east-1", ids: [volume("vol-a", true).nativeId, volume("vol-b", true).nativeId] },
      { kind: "coverage", region: "us-east-1", status: "ok", resources: 2 },
      { kind: "snapshots", region: "us-west-2", snapshots: [regionFacts("us-west-2")] },
      { kind: "coverage", region: "us-west-2", status: "ok", resources: 0 },
    ], "INCREMENTAL");
    expect(inc.result.changed).toBe(1);
    const s = await state(org, acct);
    const id = (rid: string) => s.resources.find((r) => r.resourceId === rid)!.id;
    expect(eventsOf(s, inc.scanRunId)).toEqual([{ kind: "REGRESSED", from: "PASS", to: "FAIL", resourceId: id("vol-b") }]);
    expect(s.resources.find((r) => r.resourceId === "vol-c")!.deletedAt).not.toBeNull();
    expect(s.resources.find((r) => r.resourceId === "vol-a")!.deletedAt).toBeNull();
    const run = await withTenant(org, (tx) => tx.scanRun.findUniqueOrThrow({ where: { id: inc.scanRunId } }));
    expect(run.kind).toBe("INCREMENTAL");
  });

  it("re-runs only the cross-resource checks of unchanged dependents, and ends where a full scan would", async () => {
    const org = await createOrg();
    const acct = await createAwsAccount(org);
    const protectedBy = (...ids: string[]) => {
      const r = regionFacts("us-east-1");
      (r.configuration as Record<string, unknown>).backupProtectedResourceArns = ids.map((id) => volume(id, true).nativeId);
      return r;
    };
    const west = regionFacts("us-west-2");
    await scanOnce(org, acct, regionEvents({ "us-east-1": [protectedBy("vol-a"), volume("vol-a", true), volume("vol-b", false)], "us-west-2": [west] }));
    const before = await state(org, acct);
    // Only the region facts changed: the backup plan now covers vol-b instead of vol-a.
    const ids = [volume("vol-a", true).nativeId, volume("vol-b", false).nativeId];
    const inc = await scanOnce(org, acct, [
      { kind: "snapshots", region: "us-east-1", snapshots: [protectedBy("vol-b")] },
      { kind: "ids", region: "us-east-1", ids },
      { kind: "coverage", region: "us-east-1", status: "ok", resources: 3 },
      { kind: "snapshots", region: "us-west-2", snapshots: [west] },
      { kind: "coverage", region: "us-west-2", status: "ok", resources: 1 },
    ], "INCREMENTAL");
    const s = await state(org, acct);
    const id = (rid: string) => s.resources.find((r) => r.resourceId === rid)!.id;
    const BACKUP = "aws.ec2.volume.in-backup-plan";
    expect(eventsOf(s, inc.scanRunId, BACKUP).sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
      { kind: "REGRESSED", from: "PASS", to: "FAIL", resourceId: id("vol-a") },
      { kind: "RESOLVED", from: "FAIL", to: "PASS", resourceId: id("vol-b") },
    ]);
    // Only the backup check ran again on the unchanged volumes; their other findings are as they were.
    expect(inc.result.verdicts).toBe(checksForType("Safeguard::AWS::Region").length + 2);
    const touched = (x: typeof s, rid: string) => x.findings.filter((f) => f.resource.resourceId === rid && f.checkId !== BACKUP).map((f) => `${f.checkId}@${f.lastEvaluatedAt.toISOString()}`).sort();
    expect(touched(s, "vol-a")).toEqual(touched(before, "vol-a"));
    expect(touched(s, "vol-b")).toEqual(touched(before, "vol-b"));

    // A full scan of the same estate finds nothing more to change.
    const full = await scanOnce(org, acct, regionEvents({ "us-east-1": [protectedBy("vol-b"), volume("vol-a", true), volume("vol-b", false)], "us-west-2": [west] }));
    const after = await state(org, acct);
    expect(after.events.filter((e) => e.scanRunId === full.scanRunId)).toEqual([]);
    const verdicts = (x: typeof s) => x.findings.map((f) => `${f.resource.resourceId}/${f.checkId}=${f.status}`).sort();
    expect(verdicts(after)).toEqual(verdicts(s));
  });

  it("counts a scan whose inventory was read in full as a full scan, even when an optional read failed", async () => {
    const org = await createOrg();
    const acct = await createAwsAccount(org);
    const v = volume("vol-a", true);
    const scan = await scanOnce(org, acct, [
      ...regionEvents({ "us-east-1": [regionFacts("us-east-1"), v], "us-west-2": [regionFacts("us-west-2")] }),
      { kind: "error", error: { scope: "us-east-1", api: "logs:DescribeMetricFilters", code: "AccessDeniedException", message: "not authorized" } },
    ]);
    expect(scan.status).toBe("PARTIAL"); // the failed read is shown
    const s = await state(org, acct);
    expect(s.account.lastFullScanAt).not.toBeNull(); // but the next scan may be incremental
    expect(s.account.changeWatermark?.toISOString()).toBe(v.capturedAt);
    expect(s.account.lastErrorCode).toBe("PARTIAL_SCAN");
  });

  it("moves a large first scan's rows while collecting, and a crash after those moves still commits nothing", async () => {
    const org = await createOrg();
    const acct = await createAwsAccount(org);
    // Pages of 1,000 like the collector's: 12,000 volumes start two background moves of 5,000 on the way.
    const page = (from: number, n: number) => Array.from({ length: n }, (_, i) => volume(`vol-${from + i}`, (from + i) % 3 !== 0));
    const events = [
      { kind: "snapshots" as const, region: "us-east-1", snapshots: [regionFacts("us-east-1")] },
      ...Array.from({ length: 12 }, (_, p) => ({ kind: "snapshots" as const, region: "us-east-1", snapshots: page(p * 1000, 1000) })),
      { kind: "coverage" as const, region: "us-east-1", status: "ok" as const, resources: 12_001 },
      ...regionEvents({ "us-west-2": [regionFacts("us-west-2")] }),
    ];
    await expect(scanOnce(org, acct, fromList(events, 12))).rejects.toThrow("simulated crash");
    expect((await state(org, acct)).resources).toEqual([]);

    const scan = await scanOnce(org, acct, events);
    expect(scan.result.reconcile.resourcesInserted).toBe(12_002);
    const s = await state(org, acct);
    expect(s.resources).toHaveLength(12_002);
    const enc = s.findings.filter((f) => f.checkId === ENCRYPTED);
    expect(enc).toHaveLength(12_000);
    expect(enc.filter((f) => f.status === "FAIL")).toHaveLength(4000);
    expect(s.events.filter((e) => e.checkId === ENCRYPTED && e.kind === "OPENED")).toHaveLength(4000);
    // So large a share of the account refreshes the planner's statistics once committed (the app role
    // cannot ANALYZE by itself): they now count at least this account's rows.
    expect(scan.statistics).toEqual({ ms: expect.any(Number) });
    const tuples = await withTenantSql(org, async (sql) => (await sql.query<{ relname: string; n: number }>(
      "SELECT relname, reltuples::float8 AS n FROM pg_class WHERE relname IN ('resources', 'findings') ORDER BY relname")).rows);
    expect(tuples.map((t) => [t.relname, t.n >= 12_002])).toEqual([["findings", true], ["resources", true]]);
    // A small follow-up scan does not.
    const again = await scanOnce(org, acct, events);
    expect(again.statistics).toBeUndefined();
  });
});
