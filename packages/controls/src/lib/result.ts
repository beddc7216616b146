// Result constructors. Each call allocates one small object that already has the Verdict's final layout
// (status, evidence, [reason], checkId, inScope): the engine only fills in checkId and inScope, so it never
// adds properties to an object (which would change its hidden class and allocate a property store).
import type { CheckResult, Evidence, Status, Verdict } from "../types";

export const ev = (path: string, value: unknown, expected?: unknown): Evidence =>
  expected === undefined ? { path, value } : { path, value, expected };

function result(status: Status, evidence: Evidence[], reason: string | undefined): CheckResult {
  const r: Verdict = reason === undefined
    ? { status, evidence, checkId: "", inScope: false }
    : { status, evidence, reason, checkId: "", inScope: false };
  return r;
}

export const pass = (evidence: Evidence[], reason?: string): CheckResult => result("PASS", evidence, reason);
export const fail = (evidence: Evidence[], reason?: string): CheckResult => result("FAIL", evidence, reason);
export const na = (reason: string, evidence: Evidence[] = []): CheckResult => result("NOT_APPLICABLE", evidence, reason);
export const error = (reason: string, evidence: Evidence[] = []): CheckResult => result("ERROR", evidence, reason);

/** PASS when ok, FAIL otherwise, with the same evidence. */
export const verdict = (ok: boolean, evidence: Evidence[], failReason?: string): CheckResult =>
  result(ok ? "PASS" : "FAIL", evidence, ok ? undefined : failReason);
