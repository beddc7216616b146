import type { Provider, ResourceSnapshot } from "./snapshot";

export type Status = "PASS" | "FAIL" | "NOT_APPLICABLE" | "ERROR";
export type Severity = "critical" | "high" | "medium" | "low";

/** One configuration fact that decided a verdict: where it was read, what it was, what was wanted. */
export interface Evidence {
  path: string;
  value: unknown;
  expected?: unknown;
}

export interface CheckResult {
  status: Status;
  evidence: Evidence[];
  reason?: string;
}

export interface Verdict extends CheckResult {
  checkId: string;
  /** Whether the resource is in the organisation's monitoring scope (scope.ts). */
  inScope: boolean;
}

export interface Remediation {
  console: string;
  cli: string;
  terraform: string;
}

/** What the engine knows about the resource being evaluated, computed once per resource. */
export interface ResourceState {
  inScope: boolean;
  phiTagged: boolean;
  nonProdTagged: boolean;
}

/** Read-only index over the snapshots of one evaluation (engine.ts buildContext). */
export interface EvalContext {
  get(resourceType: string, resourceId: string): ResourceSnapshot | undefined;
  byNativeId(nativeId: string): ResourceSnapshot | undefined;
  ofType(resourceType: string): readonly ResourceSnapshot[];
  account(accountId: string): ResourceSnapshot | undefined;
  region(accountId: string, region: string): ResourceSnapshot | undefined;
  /** A derived index built on first use and kept for the life of the context. */
  memo<T>(key: string, build: () => T): T;
}

export interface Check {
  id: string;
  provider: Provider;
  /** The resource types this check evaluates (one for almost every check). */
  resourceTypes: readonly string[];
  title: string;
  rationale: string;
  severity: Severity;
  citations: readonly string[];
  remediation: Remediation;
  /** Resource types read through the context; drives incremental re-scans. */
  contextTypes: readonly string[];
  /** The configuration paths the check reads (documentation for collectors and the simulator). */
  reads: readonly string[];
  /** False for checks that decide from tags or type alone and so work without a recorded configuration. */
  needsConfiguration: boolean;
  evaluate(resource: ResourceSnapshot, context: EvalContext, state: ResourceState): CheckResult;
}
