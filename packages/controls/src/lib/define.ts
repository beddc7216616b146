// Check definition helpers. Factories compile paths once, so the closures they return do no string work
// in the hot loop.
import type { Provider } from "../snapshot";
import type { Check, CheckResult, EvalContext, Remediation, ResourceState, Severity } from "../types";
import type { ResourceSnapshot } from "../snapshot";
import { p, read, type Path } from "./path";
import { error, ev, fail, na, pass } from "./result";

export interface CheckSpec {
  id: string;
  resourceType: string | readonly string[];
  title: string;
  rationale: string;
  severity: Severity;
  citations: readonly string[];
  remediation: Remediation;
  reads: readonly string[];
  contextTypes?: readonly string[];
  needsConfiguration?: boolean;
  evaluate(resource: ResourceSnapshot, context: EvalContext, state: ResourceState): CheckResult;
}

export function defineCheck(provider: Provider, spec: CheckSpec): Check {
  return {
    id: spec.id,
    provider,
    resourceTypes: typeof spec.resourceType === "string" ? [spec.resourceType] : spec.resourceType,
    title: spec.title,
    rationale: spec.rationale,
    severity: spec.severity,
    citations: spec.citations,
    remediation: spec.remediation,
    contextTypes: spec.contextTypes ?? [],
    reads: spec.reads,
    needsConfiguration: spec.needsConfiguration ?? true,
    evaluate: spec.evaluate,
  };
}

export const aws = (spec: CheckSpec): Check => defineCheck("aws", spec);
export const azure = (spec: CheckSpec): Check => defineCheck("azure", spec);

export interface FieldRule {
  /** Dotted path from the snapshot root, e.g. "configuration.storageEncrypted". */
  path: string;
  /** Decides from the value read; undefined is passed when the path is absent. */
  ok(value: unknown): boolean;
  /** Shown as `expected` in evidence. */
  expected: unknown;
  /** What an absent value means: "fail" (absent = off, as AWS omits unset flags), "error" or "na". */
  missing: "fail" | "error" | "na";
  /** Optional gate: NOT_APPLICABLE with this reason when it returns a string. */
  skip?: (r: ResourceSnapshot) => string | undefined;
}

/** The common shape: one field decides. */
export function field(rule: FieldRule): CheckSpec["evaluate"] {
  const at: Path = p(rule.path);
  const { ok, expected, missing, skip } = rule;
  // Reason strings built once per check rather than once per verdict.
  const notRecorded = `${at.path} is not recorded`;
  const notSet = `${at.path} is not set`;
  return (r) => {
    if (skip) {
      const why = skip(r);
      if (why !== undefined) return na(why);
    }
    const v = read(r, at);
    if (v === undefined || v === null) {
      if (missing === "error") return error(notRecorded, [ev(at.path, v ?? null, expected)]);
      if (missing === "na") return na(notSet, [ev(at.path, v ?? null, expected)]);
      return fail([ev(at.path, v ?? null, expected)], notSet);
    }
    return ok(v) ? pass([ev(at.path, v, expected)]) : fail([ev(at.path, v, expected)]);
  };
}

export const isTrue = (v: unknown): boolean => v === true || v === "true" || v === "True";
export const isFalse = (v: unknown): boolean => v === false || v === "false" || v === "False";
export const nonEmpty = (v: unknown): boolean =>
  (typeof v === "string" && v.length > 0) || (Array.isArray(v) && v.length > 0) || (typeof v === "object" && v !== null && !Array.isArray(v) && Object.keys(v).length > 0);
export const equalsCI = (want: string) => (v: unknown): boolean => typeof v === "string" && v.toLowerCase() === want.toLowerCase();
export const oneOfCI = (want: readonly string[]) => {
  const set = new Set(want.map((w) => w.toLowerCase()));
  return (v: unknown): boolean => typeof v === "string" && set.has(v.toLowerCase());
};
export const atLeast = (min: number) => (v: unknown): boolean => {
  const n = typeof v === "number" ? v : typeof v === "string" ? Number(v) : NaN;
  return Number.isFinite(n) && n >= min;
};

/** Remediation in one line per channel. */
export const fix = (console: string, cli: string, terraform: string): Remediation => ({ console, cli, terraform });
