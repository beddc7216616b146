// Result constructors. Each call allocates one small object, which the engine completes into a Verdict.
import type { CheckResult, Evidence } from "../types";

export const ev = (path: string, value: unknown, expected?: unknown): Evidence =>
  expected === undefined ? { path, value } : { path, value, expected };

export const pass = (evidence: Evidence[], reason?: string): CheckResult =>
  reason === undefined ? { status: "PASS", evidence } : { status: "PASS", evidence, reason };
export const fail = (evidence: Evidence[], reason?: string): CheckResult =>
  reason === undefined ? { status: "FAIL", evidence } : { status: "FAIL", evidence, reason };
export const na = (reason: string, evidence: Evidence[] = []): CheckResult => ({ status: "NOT_APPLICABLE", evidence, reason });
export const error = (reason: string, evidence: Evidence[] = []): CheckResult => ({ status: "ERROR", evidence, reason });

/** PASS when ok, FAIL otherwise, with the same evidence. */
export const verdict = (ok: boolean, evidence: Evidence[], failReason?: string): CheckResult =>
  ok ? { status: "PASS", evidence } : failReason === undefined ? { status: "FAIL", evidence } : { status: "FAIL", evidence, reason: failReason };
