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

/** What one tag key (as spelled on the resource) can decide: undefined = the key is in neither rule set. */
interface KeyRule {
  phi: Set<string> | null | undefined;
  nonProd: Set<string> | null | undefined;
}

interface CompiledScope {
  all: boolean;
  phi: TagMatcher;
  nonProd: TagMatcher;
  /** Tag key exactly as spelled -> its rule (null when irrelevant): estates reuse a few hundred tag keys. */
  byKey: Map<string, KeyRule | null>;
}

const MAX_REMEMBERED_KEYS = 10_000;

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
    c = { all: scope.mode !== "PHI_TAGGED", phi: compileRules(scope.phiTags), nonProd: compileRules(scope.nonProdTags), byKey: new Map() };
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
const ALWAYS_IN_SCOPE = new Set(["Safeguard::AWS::Account", "Safeguard::AWS::Region", "microsoft.resources/subscriptions", "safeguard::azure::tenant"]);

function keyRule(c: CompiledScope, key: string): KeyRule | null {
  let rule = c.byKey.get(key);
  if (rule === undefined) {
    const k = key.toLowerCase();
    const phi = c.phi.get(k);
    const nonProd = c.nonProd.get(k);
    rule = phi === undefined && nonProd === undefined ? null : { phi, nonProd };
    if (c.byKey.size < MAX_REMEMBERED_KEYS) c.byKey.set(key, rule);
  }
  return rule;
}

const valueMatches = (want: Set<string> | null, v: string | undefined): boolean =>
  want === null || (v !== undefined && want.has(v.trim().toLowerCase()));

/**
 * Everything the engine needs to know about a resource's tags, computed once per resource: the same answers
 * as hasPhiTag / hasNonProdTag, in one pass over the tags without lower-casing keys already seen.
 */
export function resourceState(r: ResourceSnapshot, scope: Scope = DEFAULT_SCOPE): ResourceState {
  const c = compile(scope);
  const tags = r.tags;
  let phiTagged = false;
  let nonProdTagged = false;
  for (const k in tags) {
    const rule = keyRule(c, k);
    if (rule === null) continue;
    if (!phiTagged && rule.phi !== undefined && valueMatches(rule.phi, tags[k])) phiTagged = true;
    if (!nonProdTagged && rule.nonProd !== undefined && valueMatches(rule.nonProd, tags[k])) nonProdTagged = true;
    if (phiTagged && nonProdTagged) break;
  }
  return { inScope: c.all || phiTagged || ALWAYS_IN_SCOPE.has(r.resourceType), phiTagged, nonProdTagged };
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
