// IAM-style policy documents (S3 bucket policies, IAM managed and inline policies, key policies).
// Accepts every form AWS emits: an object, a JSON string, or a URL-encoded JSON string (IAM items in AWS
// Config); Statement as object or list; Action/Resource/Principal values as string or list; condition values
// as booleans, strings or lists.
import { isObj, type Obj } from "./path";
import { TextMemo } from "./text-memo";

export interface Statement {
  sid: string | undefined;
  effect: "Allow" | "Deny";
  /** "*" for everyone; otherwise the listed principals flattened (AWS / Service / Federated / CanonicalUser). */
  principals: string[] | "*" | undefined;
  hasNotPrincipal: boolean;
  actions: string[];
  notActions: string[];
  resources: string[];
  notResources: string[];
  /** operator -> key (lower-cased) -> values as strings */
  conditions: Map<string, Map<string, string[]>>;
}

export type ParsedPolicy = { ok: true; statements: Statement[] } | { ok: false; reason: string };

const list = (v: unknown): string[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

function principalsOf(v: unknown): string[] | "*" | undefined {
  if (v === undefined || v === null) return undefined;
  if (v === "*") return "*";
  if (typeof v === "string") return [v];
  if (!isObj(v)) return undefined;
  const out: string[] = [];
  for (const k of Object.keys(v)) {
    for (const x of list(v[k])) {
      if (x === "*" && k === "AWS") return "*";
      out.push(x);
    }
  }
  return out;
}

function conditionsOf(v: unknown): Map<string, Map<string, string[]>> {
  const m = new Map<string, Map<string, string[]>>();
  if (!isObj(v)) return m;
  for (const op of Object.keys(v)) {
    const body = v[op];
    if (!isObj(body)) continue;
    const inner = new Map<string, string[]>();
    for (const key of Object.keys(body)) inner.set(key.toLowerCase(), list(body[key]).map((s) => s.toLowerCase()));
    m.set(op, inner);
  }
  return m;
}

function decode(v: unknown): unknown {
  if (typeof v !== "string") return v;
  let s = v.trim();
  if (s.startsWith("%7B") || s.startsWith("%7b")) {
    try {
      s = decodeURIComponent(s.replace(/\+/g, " "));
    } catch {
      return undefined;
    }
  }
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return undefined;
  }
}

export function parsePolicy(v: unknown): ParsedPolicy {
  const doc = decode(v);
  if (!isObj(doc)) return { ok: false, reason: "policy document is not valid JSON" };
  const raw = doc.Statement;
  const stmts = Array.isArray(raw) ? raw : isObj(raw) ? [raw] : undefined;
  if (!stmts) return { ok: false, reason: "policy document has no Statement" };
  const statements: Statement[] = [];
  for (const s of stmts) {
    if (!isObj(s)) continue;
    const st = s as Obj;
    statements.push({
      sid: typeof st.Sid === "string" ? st.Sid : undefined,
      effect: st.Effect === "Deny" ? "Deny" : "Allow",
      principals: principalsOf(st.Principal),
      hasNotPrincipal: st.NotPrincipal !== undefined,
      actions: list(st.Action),
      notActions: list(st.NotAction),
      resources: list(st.Resource),
      notResources: list(st.NotResource),
      conditions: conditionsOf(st.Condition),
    });
  }
  return { ok: true, statements };
}

// 8 M characters of retained policy text at most (IAM and bucket policies are at most 6-20 kB each).
const byText = new TextMemo<ParsedPolicy>(8_000_000);
const byHolder = new WeakMap<object, ParsedPolicy>();

/** How the policy-text memo has done so far in this process (for the benchmark). */
export function policyMemoStats(): { distinctTexts: number; hits: number; misses: number } {
  return { distinctTexts: byText.size, hits: byText.hits, misses: byText.misses };
}

/**
 * Parses a policy once: a JSON (or URL-encoded JSON) string once per distinct text for the whole process,
 * an already-parsed document once per holder object (the snapshot value holding it), so the checks reading
 * the same policy share the work. The result is shared between resources (verdict evidence may hold its
 * arrays) and must not be mutated. It is not frozen: array builtins (filter, some) lose their fast paths on
 * frozen arrays, which cost more than the parse saved.
 */
export function parsePolicyCached(holder: object, v: unknown): ParsedPolicy {
  if (typeof v === "string") return byText.get(v, parsePolicy);
  let r = byHolder.get(holder);
  if (!r) byHolder.set(holder, (r = parsePolicy(v)));
  return r;
}

/** Case-insensitive glob with `*` and `?` (IAM action and resource wildcards), no regex. */
export function globMatch(pattern: string, text: string): boolean {
  const pt = pattern.toLowerCase();
  const tx = text.toLowerCase();
  let pi = 0, ti = 0, star = -1, mark = 0;
  while (ti < tx.length) {
    const pc = pt.charCodeAt(pi);
    if (pi < pt.length && (pc === 63 || pc === tx.charCodeAt(ti))) { pi++; ti++; }
    else if (pi < pt.length && pc === 42) { star = pi++; mark = ti; }
    else if (star !== -1) { pi = star + 1; ti = ++mark; }
    else return false;
  }
  while (pi < pt.length && pt.charCodeAt(pi) === 42) pi++;
  return pi === pt.length;
}

/** Does the statement's Action list grant `action` (e.g. "kms:Decrypt")? */
export const grantsAction = (s: Statement, action: string): boolean => s.actions.some((a) => globMatch(a, action));

export const everyone = (s: Statement): boolean => s.principals === "*" && !s.hasNotPrincipal;

// Condition keys that confine a public principal to a known source or organisation.
const RESTRICTING_KEYS = new Set([
  "aws:sourcearn", "aws:sourceaccount", "aws:sourceowner", "aws:sourcevpc", "aws:sourcevpce", "aws:sourceip",
  "aws:principalorgid", "aws:principalaccount", "aws:principalarn", "aws:principalorgpaths", "aws:sourceorgid",
  "aws:userid", "aws:username", "kms:calleraccount", "kms:viaservice",
]);

export function isRestrictedByCondition(s: Statement): boolean {
  for (const inner of s.conditions.values()) for (const key of inner.keys()) if (RESTRICTING_KEYS.has(key)) return true;
  return false;
}

/** An Allow to everyone with no condition confining it. */
export const isPublicAllow = (s: Statement): boolean => s.effect === "Allow" && everyone(s) && !isRestrictedByCondition(s);

const ALL_S3 = ["*", "s3:*"];
/** The Action list covers every S3 action ("*", "s3:*", "S3:*", or a list containing one). */
export const coversAllS3Actions = (s: Statement): boolean => s.actions.some((a) => ALL_S3.includes(a.toLowerCase()));

/**
 * Is this a Deny of all S3 actions to everyone whenever the request is not over TLS?
 * Bool / BoolIfExists aws:SecureTransport "false" (boolean false, string "false" or ["false"]) and no other
 * condition narrowing it. Resource must cover the objects: "*", "arn:aws:s3:::bucket/*" (string or list).
 */
export function deniesInsecureTransport(s: Statement, bucket: string): boolean {
  if (s.effect !== "Deny" || !everyone(s) || !coversAllS3Actions(s)) return false;
  if (s.notResources.length > 0) return false;
  let found = false;
  for (const [op, inner] of s.conditions) {
    for (const [key, values] of inner) {
      if (key !== "aws:securetransport") return false;
      if (op !== "Bool" && op !== "BoolIfExists") return false;
      if (values.length !== 1 || values[0] !== "false") return false;
      found = true;
    }
  }
  if (!found) return false;
  const objects = `arn:aws:s3:::${bucket}/*`;
  return s.resources.some((r) => r === "*" || globMatch(r, objects));
}

/** Deny to everyone of all S3 actions when s3:TlsVersion < 1.2 (NumericLessThan). */
export function deniesOldTls(s: Statement): boolean {
  if (s.effect !== "Deny" || !everyone(s) || !coversAllS3Actions(s)) return false;
  const inner = s.conditions.get("NumericLessThan");
  const v = inner?.get("s3:tlsversion");
  return v !== undefined && v.length === 1 && Number(v[0]) >= 1.2;
}

/** Allow of every action on every resource ("*" / "*"), the administrator grant. */
export const allowsAdminStar = (s: Statement): boolean =>
  s.effect === "Allow" && s.actions.some((a) => a === "*") && s.resources.some((r) => r === "*");
