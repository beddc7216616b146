// Which resources an organisation monitors: everything, or only what is tagged as holding PHI.
// Tag keys and values compare case-insensitively; a tag rule with no values matches any value.
import type { ResourceSnapshot } from "./snapshot";
import type { ResourceState } from "./types";

export interface TagRule {
  key: string;
  values: string[];
}

export interface Scope {
  mode: "ALL" | "PHI_TAGGED";
  phiTags: TagRule[];
  nonProdTags: TagRule[];
}

const NON_PROD_VALUES = ["dev", "development", "test", "testing", "qa", "sandbox"];

export const DEFAULT_PHI_TAGS: TagRule[] = [
  { key: "PHI", values: ["true", "yes", "1"] },
  { key: "ePHI", values: ["true", "yes", "1"] },
  { key: "DataClassification", values: ["phi", "ephi"] },
  { key: "HIPAA", values: ["true", "yes", "1"] },
];

export const DEFAULT_NON_PROD_TAGS: TagRule[] = [
  { key: "Environment", values: NON_PROD_VALUES },
  { key: "Env", values: NON_PROD_VALUES },
  { key: "Stage", values: NON_PROD_VALUES },
];

export const DEFAULT_SCOPE: Scope = { mode: "ALL", phiTags: DEFAULT_PHI_TAGS, nonProdTags: DEFAULT_NON_PROD_TAGS };

/** key (lower-cased) -> accepted values (lower-cased), null = any value. */
type TagMatcher = Map<string, Set<string> | null>;

interface CompiledScope {
  all: boolean;
  phi: TagMatcher;
  nonProd: TagMatcher;
}

function compileRules(rules: readonly TagRule[]): TagMatcher {
  const m: TagMatcher = new Map();
  for (const r of rules) {
    const key = r.key.trim().toLowerCase();
    if (key === "") continue;
    const prev = m.get(key);
    if (r.values.length === 0 || prev === null) {
      m.set(key, null);
      continue;
    }
    const set = prev ?? new Set<string>();
    for (const v of r.values) set.add(v.trim().toLowerCase());
    m.set(key, set);
  }
  return m;
}

const compiled = new WeakMap<Scope, CompiledScope>();

function compile(scope: Scope): CompiledScope {
  let c = compiled.get(scope);
  if (!c) {
    c = { all: scope.mode !== "PHI_TAGGED", phi: compileRules(scope.phiTags), nonProd: compileRules(scope.nonProdTags) };
    compiled.set(scope, c);
  }
  return c;
}

function matches(tags: Record<string, string>, m: TagMatcher): boolean {
  if (m.size === 0) return false;
  for (const k in tags) {
    const want = m.get(k.toLowerCase());
    if (want === undefined) continue;
    if (want === null) return true;
    const v = tags[k];
    if (v !== undefined && want.has(v.trim().toLowerCase())) return true;
  }
  return false;
}

export function hasPhiTag(r: ResourceSnapshot, scope: Scope = DEFAULT_SCOPE): boolean {
  return matches(r.tags, compile(scope).phi);
}

export function hasNonProdTag(r: ResourceSnapshot, scope: Scope = DEFAULT_SCOPE): boolean {
  return matches(r.tags, compile(scope).nonProd);
}

// Account- and region-level facts govern everything in them, so they are always in scope.
const ALWAYS_IN_SCOPE = new Set(["Safeguard::AWS::Account", "Safeguard::AWS::Region", "microsoft.resources/subscriptions"]);

/** Everything the engine needs to know about a resource's tags, computed once per resource. */
export function resourceState(r: ResourceSnapshot, scope: Scope = DEFAULT_SCOPE): ResourceState {
  const c = compile(scope);
  const phiTagged = matches(r.tags, c.phi);
  return {
    inScope: c.all || phiTagged || ALWAYS_IN_SCOPE.has(r.resourceType),
    phiTagged,
    nonProdTagged: matches(r.tags, c.nonProd),
  };
}

/** Validates an untrusted scope (e.g. from org settings), falling back to defaults field by field. */
export function parseScope(input: unknown): Scope {
  if (typeof input !== "object" || input === null) return DEFAULT_SCOPE;
  const o = input as Record<string, unknown>;
  const rules = (v: unknown, dflt: TagRule[]): TagRule[] => {
    if (!Array.isArray(v)) return dflt;
    const out: TagRule[] = [];
    for (const r of v) {
      if (typeof r !== "object" || r === null) continue;
      const key = (r as Record<string, unknown>).key;
      const values = (r as Record<string, unknown>).values;
      if (typeof key !== "string") continue;
      out.push({ key, values: Array.isArray(values) ? values.filter((x): x is string => typeof x === "string") : [] });
    }
    return out;
  };
  return {
    mode: o.mode === "PHI_TAGGED" ? "PHI_TAGGED" : "ALL",
    phiTags: rules(o.phiTags, DEFAULT_PHI_TAGS),
    nonProdTags: rules(o.nonProdTags, DEFAULT_NON_PROD_TAGS),
  };
}
