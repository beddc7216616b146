// When a manual control counts as current. Decision: a control nobody has attested yet, or whose
// next review date has passed, is "overdue" for scoring, alerts and evidence packs alike; the UI
// tells the two apart ("never attested" vs "overdue since …") because the fix differs.
import { SEVERITY_WEIGHTS } from "../compliance/score";

export type AttestationState = "current" | "overdue" | "never";

export function attestationState(row: { lastAttestedAt: Date | null; nextReviewDueAt: Date | null } | null | undefined, now: Date): AttestationState {
  if (!row?.lastAttestedAt) return "never";
  if (!row.nextReviewDueAt || row.nextReviewDueAt.getTime() < now.getTime()) return "overdue";
  return "current";
}

/**
 * How much one manual control weighs in the overall score: a required specification as much as a
 * HIGH-severity check, an addressable one as a MEDIUM. It passes only while current.
 */
export function manualControlWeight(requirement: "R" | "A"): number {
  return requirement === "R" ? SEVERITY_WEIGHTS.HIGH : SEVERITY_WEIGHTS.MEDIUM;
}

export const MANUAL_SCORE_RULE =
  `Manual controls count as weighted items: required ${SEVERITY_WEIGHTS.HIGH}, addressable ${SEVERITY_WEIGHTS.MEDIUM}; ` +
  `an item passes only while its attestation is current (attested and next review not yet due).`;

export function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * 86_400_000);
}
