import { describe, expect, it } from "vitest";
import { summarizeRegionCoverage } from "./region-coverage";
import { scanPercent } from "./scan-run-view";

describe("summarizeRegionCoverage", () => {
  it("counts each status, lists gaps first and skips malformed entries", () => {
    const s = summarizeRegionCoverage([
      { region: "us-east-1", status: "ok", resources: 3 },
      { region: "ap-south-1", status: "no-recorder", resources: 0 },
      { region: "global", status: "error", error: "throttled" },
      { region: 4, status: "ok" },
      { region: "x", status: "unknown" },
      null,
    ]);
    expect([s.ok, s.noRecorder, s.error]).toEqual([1, 1, 1]);
    expect(s.regions.map((r) => [r.region, r.status])).toEqual([["global", "error"], ["ap-south-1", "no-recorder"], ["us-east-1", "ok"]]);
    expect(s.regions[0]!.resources).toBe(0);
    expect(s.regions[2]!.advice).toBeNull();
  });
  it("treats anything but an array as no coverage", () => {
    expect(summarizeRegionCoverage({}).regions).toEqual([]);
  });
});

describe("scanPercent", () => {
  const base = { status: "RUNNING" as const, resourcesCollected: 0, resourcesEvaluated: 0, resourcesExpected: null };
  it("is indeterminate while collecting without an estimate, and moves on with the phases", () => {
    expect(scanPercent({ ...base, phase: "COLLECTING" })).toBeNull();
    expect(scanPercent({ ...base, phase: "EVALUATING", resourcesCollected: 100, resourcesEvaluated: 50 })).toBe(83);
    expect(scanPercent({ ...base, phase: "RECONCILING" })).toBe(90);
    expect(scanPercent({ ...base, phase: "DONE", status: "SUCCEEDED" })).toBe(100);
  });
  it("never passes the phase's share when the estimate was low", () => {
    expect(scanPercent({ ...base, phase: "COLLECTING", resourcesCollected: 5000, resourcesExpected: 1000 })).toBe(75);
  });
});

describe("toScanRunView", () => {
  it("prefers the worker's own total time and flattens the verdict counts", async () => {
    const { toScanRunView } = await import("./scan-run-view");
    const at = new Date("2026-01-01T00:00:00Z");
    const v = toScanRunView({
      id: "s", kind: "FULL", trigger: "MANUAL", status: "SUCCEEDED", phase: "DONE", progressMessage: "Done", resourcesCollected: 1, resourcesEvaluated: 1,
      resourcesExpected: null, counts: { OPENED: 2, verdicts: 9 }, errors: [{}], timings: { totalMs: 2193 }, error: null, errorCode: null,
      cancelRequestedAt: null, queuedAt: at, startedAt: at, finishedAt: new Date(at.getTime() + 20),
    });
    expect(v).toMatchObject({ durationMs: 2193, counts: { OPENED: 2, verdicts: 9 }, problemCount: 1, percent: 100 });
  });
});
