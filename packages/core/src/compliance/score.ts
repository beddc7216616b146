// The compliance score, one definition for the roll-up SQL, the API and the UI's "how is this
// computed?" text. Weights come from the controls catalog so a check's severity means one thing.
import { SEVERITY_WEIGHTS as CATALOG_WEIGHTS } from "@safeguard/controls/catalog";

export type ScoredSeverity = "CRITICAL" | "HIGH" | "MEDIUM" | "LOW";

export const SEVERITY_WEIGHTS: Readonly<Record<ScoredSeverity, number>> = Object.freeze({
  CRITICAL: CATALOG_WEIGHTS.critical,
  HIGH: CATALOG_WEIGHTS.high,
  MEDIUM: CATALOG_WEIGHTS.medium,
  LOW: CATALOG_WEIGHTS.low,
});

/**
 * Decisions: ERROR counts as failing (a control that cannot be verified is not evidence of
 * compliance); NOT_APPLICABLE, suppressed (accepted-risk) and out-of-scope findings are left out of
 * both sides; a deleted resource's findings no longer count.
 */
export const SCORE_FORMULA =
  `score = Σ weight(severity) over PASS ÷ Σ weight(severity) over PASS, FAIL and ERROR — counting in-scope, ` +
  `non-suppressed findings of live resources; NOT_APPLICABLE is excluded; weights: critical ${SEVERITY_WEIGHTS.CRITICAL}, ` +
  `high ${SEVERITY_WEIGHTS.HIGH}, medium ${SEVERITY_WEIGHTS.MEDIUM}, low ${SEVERITY_WEIGHTS.LOW}.`;

export interface ScoreInput {
  severity: ScoredSeverity;
  status: "PASS" | "FAIL" | "ERROR" | "NOT_APPLICABLE";
  inScope: boolean;
  suppressed: boolean;
}

export interface WeightedTotals {
  weightedPass: number;
  weightedTotal: number;
}

export function weightedTotals(findings: Iterable<ScoreInput>): WeightedTotals {
  let weightedPass = 0;
  let weightedTotal = 0;
  for (const f of findings) {
    if (!f.inScope || f.suppressed || f.status === "NOT_APPLICABLE") continue;
    const w = SEVERITY_WEIGHTS[f.severity];
    weightedTotal += w;
    if (f.status === "PASS") weightedPass += w;
  }
  return { weightedPass, weightedTotal };
}

/** Percentage 0–100 with one decimal, or null when nothing is scored yet (no data is not 0 % or 100 %). */
export function scorePercent(t: WeightedTotals): number | null {
  if (t.weightedTotal <= 0) return null;
  return Math.round((t.weightedPass / t.weightedTotal) * 1000) / 10;
}

/** The weight as SQL, for set-based roll-ups over a "Severity" column. */
export function severityWeightSql(column: string): string {
  return `(CASE ${column} WHEN 'CRITICAL' THEN ${SEVERITY_WEIGHTS.CRITICAL} WHEN 'HIGH' THEN ${SEVERITY_WEIGHTS.HIGH} WHEN 'MEDIUM' THEN ${SEVERITY_WEIGHTS.MEDIUM} ELSE ${SEVERITY_WEIGHTS.LOW} END)`;
}
