// The check engine: index the snapshots once, then evaluate each resource against the checks for its type.
// Hot path rules: no per-call closures, regexes or path parsing; one Verdict object per (resource, check).
import { checksForType } from "./catalog";
import { SnapshotContext } from "./context";
import { error } from "./lib/result";
import { DEFAULT_SCOPE, resourceState, type Scope } from "./scope";
import type { ResourceSnapshot } from "./snapshot";
import type { Check, CheckResult, EvalContext, Verdict } from "./types";

export { contextTypesFor, dependentTypesOf } from "./catalog";
export type { EvalContext, Verdict } from "./types";

/** Index for cross-resource lookups: by (type, resourceId), by nativeId, Account per account, Region per (account, region). */
export function buildContext(snapshots: Iterable<ResourceSnapshot>): SnapshotContext {
  const ctx = new SnapshotContext();
  for (const s of snapshots) ctx.add(s);
  return ctx;
}

const NO_CONFIGURATION = "configuration not recorded for this resource (AWS Config item without configuration)";

/** Evaluates every check that applies to the resource's type. Never throws: a throwing check is an ERROR verdict. */
export function evaluateResource(snapshot: ResourceSnapshot, context: EvalContext, scope: Scope = DEFAULT_SCOPE): Verdict[] {
  return evaluateChecks(snapshot, checksForType(snapshot.resourceType), context, scope);
}

/**
 * Evaluates the given checks only (all of them must apply to the resource's type). An incremental
 * scan uses it to re-run just the cross-resource checks of a resource that did not change itself.
 */
export function evaluateChecks(snapshot: ResourceSnapshot, checks: readonly Check[], context: EvalContext, scope: Scope = DEFAULT_SCOPE): Verdict[] {
  const out: Verdict[] = new Array<Verdict>(checks.length);
  if (checks.length === 0) return out;
  const state = resourceState(snapshot, scope);
  const hasConfig = snapshot.configuration !== null && typeof snapshot.configuration === "object";
  for (let i = 0; i < checks.length; i++) {
    const check = checks[i]!;
    let r: CheckResult;
    if (!hasConfig && check.needsConfiguration) {
      r = error(NO_CONFIGURATION, [{ path: "configuration", value: snapshot.configuration ?? null }]);
    } else {
      try {
        r = check.evaluate(snapshot, context, state);
      } catch (e) {
        r = error(`check threw: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    const v = r as Verdict; // lib/result.ts allocates results in the Verdict layout

    v.checkId = check.id;
    v.inScope = state.inScope;
    out[i] = v;
  }
  return out;
}
