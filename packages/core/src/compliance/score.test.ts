import { describe, expect, it } from "vitest";
import { SCORE_FORMULA, scorePercent, SEVERITY_WEIGHTS, severityWeightSql, weightedTotals, type ScoreInput } from "./score";

const f = (severity: ScoreInput["severity"], status: ScoreInput["status"], extra: Partial<ScoreInput> = {}): ScoreInput => ({
  severity, status, inScope: true, suppressed: false, ...extra,
});

describe("compliance score", () => {
  it("weights passing findings by severity", () => {
    const t = weightedTotals([f("CRITICAL", "PASS"), f("LOW", "FAIL")]);
    expect(t).toEqual({ weightedPass: SEVERITY_WEIGHTS.CRITICAL, weightedTotal: SEVERITY_WEIGHTS.CRITICAL + SEVERITY_WEIGHTS.LOW });
    expect(scorePercent(t)).toBe(Math.round((SEVERITY_WEIGHTS.CRITICAL / (SEVERITY_WEIGHTS.CRITICAL + SEVERITY_WEIGHTS.LOW)) * 1000) / 10);
  });

  it("counts ERROR as failing and leaves out NOT_APPLICABLE, suppressed and out-of-scope findings", () => {
    const t = weightedTotals([
      f("HIGH", "PASS"),
      f("HIGH", "ERROR"),
      f("CRITICAL", "NOT_APPLICABLE"),
      f("CRITICAL", "FAIL", { suppressed: true }),
      f("CRITICAL", "FAIL", { inScope: false }),
    ]);
    expect(t).toEqual({ weightedPass: SEVERITY_WEIGHTS.HIGH, weightedTotal: 2 * SEVERITY_WEIGHTS.HIGH });
    expect(scorePercent(t)).toBe(50);
  });

  it("has no score without scored findings", () => {
    expect(scorePercent(weightedTotals([f("LOW", "NOT_APPLICABLE")]))).toBeNull();
  });

  it("orders weights by severity and shows them in the formula text and SQL", () => {
    expect(SEVERITY_WEIGHTS.CRITICAL).toBeGreaterThan(SEVERITY_WEIGHTS.HIGH);
    expect(SEVERITY_WEIGHTS.HIGH).toBeGreaterThan(SEVERITY_WEIGHTS.MEDIUM);
    expect(SEVERITY_WEIGHTS.MEDIUM).toBeGreaterThan(SEVERITY_WEIGHTS.LOW);
    expect(SCORE_FORMULA).toContain(`critical ${SEVERITY_WEIGHTS.CRITICAL}`);
    expect(severityWeightSql("f.severity")).toContain(`WHEN 'HIGH' THEN ${SEVERITY_WEIGHTS.HIGH}`);
  });
});
