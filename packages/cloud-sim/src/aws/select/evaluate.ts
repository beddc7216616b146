// Evaluates parsed advanced queries against configuration items and projects the selected fields into the
// nested JSON Config returns (only the selected properties, arrays kept, tags as [{key,value}]).
import type { ConfigItem } from "../../estate/model";
import type { Condition, Literal } from "./parse";

function rootValue(item: ConfigItem, root: string): unknown {
  switch (root) {
    case "tags":
      return Object.entries(item.tags).map(([key, value]) => ({ key, value, tag: `${key}=${value}` }));
    case "version":
      return "1.3";
    case "configurationItemCaptureTime":
      return item.configurationItemCaptureTime;
    default:
      return (item as unknown as Record<string, unknown>)[root];
  }
}

function child(value: unknown, key: string): unknown {
  if (typeof value === "string" && (value.startsWith("{") || value.startsWith("["))) {
    // Config indexes double-serialised supplementary values (e.g. S3 AccessControlList) as objects.
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  if (value && typeof value === "object" && !Array.isArray(value)) return (value as Record<string, unknown>)[key];
  return undefined;
}

/** Every leaf value reached by a dotted path, flattening arrays on the way (Config's array semantics). */
export function valuesAt(item: ConfigItem, path: string): unknown[] {
  if (path.indexOf(".") === -1 && path !== "tags") {
    const v = rootValue(item, path);
    return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
  }
  const [root, ...rest] = path.split(".");
  let current: unknown[] = [rootValue(item, root as string)];
  for (const key of rest) {
    const next: unknown[] = [];
    for (const v of current) {
      if (Array.isArray(v)) for (const el of v) next.push(child(el, key));
      else next.push(child(v, key));
    }
    current = next;
  }
  const out: unknown[] = [];
  for (const v of current) {
    if (Array.isArray(v)) out.push(...v);
    else if (v !== undefined && v !== null) out.push(v);
  }
  return out;
}

const ISO = /^\d{4}-\d{2}-\d{2}T/;

function compare(a: unknown, b: Literal): number | null {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "boolean" || typeof b === "boolean") {
    const av = String(a).toLowerCase(), bv = String(b).toLowerCase();
    return av === bv ? 0 : null;
  }
  if (typeof a === "string" && typeof b === "string") {
    if (ISO.test(a) && ISO.test(b)) {
      const ta = Date.parse(a), tb = Date.parse(b);
      if (!Number.isNaN(ta) && !Number.isNaN(tb)) return ta - tb;
    }
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (typeof a === "string" && typeof b === "number") {
    const n = Number(a);
    return Number.isNaN(n) ? null : n - b;
  }
  if (typeof a === "number" && typeof b === "string") {
    const n = Number(b);
    return Number.isNaN(n) ? null : a - n;
  }
  return null;
}

function likeToRegex(pattern: string): RegExp {
  const escaped = pattern.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/%/g, ".*").replace(/_/g, ".");
  return new RegExp(`^${escaped}$`, "s");
}

export function matches(item: ConfigItem, cond: Condition | null): boolean {
  if (!cond) return true;
  switch (cond.op) {
    case "and":
      return matches(item, cond.left) && matches(item, cond.right);
    case "or":
      return matches(item, cond.left) || matches(item, cond.right);
    case "not":
      return !matches(item, cond.inner);
    case "cmp": {
      return valuesAt(item, cond.path).some((v) => {
        const c = compare(v, cond.value);
        if (c === null) return cond.cmp === "!=";
        switch (cond.cmp) {
          case "=": return c === 0;
          case "!=": return c !== 0;
          case "<": return c < 0;
          case ">": return c > 0;
          case "<=": return c <= 0;
          case ">=": return c >= 0;
        }
        return false;
      });
    }
    case "in": {
      const hit = valuesAt(item, cond.path).some((v) => cond.values.some((l) => compare(v, l) === 0));
      return cond.negate ? !hit : hit;
    }
    case "between": {
      const hit = valuesAt(item, cond.path).some((v) => {
        const lo = compare(v, cond.low), hi = compare(v, cond.high);
        return lo !== null && hi !== null && lo >= 0 && hi <= 0;
      });
      return cond.negate ? !hit : hit;
    }
    case "like": {
      const re = likeToRegex(cond.pattern);
      const hit = valuesAt(item, cond.path).some((v) => typeof v === "string" && re.test(v));
      return cond.negate ? !hit : hit;
    }
  }
}

function projectPath(value: unknown, keys: string[]): unknown {
  if (keys.length === 0) return value;
  if (Array.isArray(value)) {
    const mapped = value.map((el) => projectPath(el, keys)).filter((v) => v !== undefined);
    return mapped.length > 0 ? mapped : undefined;
  }
  const [key, ...rest] = keys;
  const next = child(value, key as string);
  if (next === undefined || next === null) return undefined;
  const inner = projectPath(next, rest);
  return inner === undefined ? undefined : { [key as string]: inner };
}

function merge(target: unknown, source: unknown): unknown {
  if (Array.isArray(target) && Array.isArray(source)) return source.map((s, i) => (i < target.length ? merge(target[i], s) : s));
  if (target && source && typeof target === "object" && typeof source === "object" && !Array.isArray(target)) {
    const out = { ...(target as Record<string, unknown>) };
    for (const [k, v] of Object.entries(source as Record<string, unknown>)) out[k] = k in out ? merge(out[k], v) : v;
    return out;
  }
  return source;
}

/** The nested object Config returns for one row: only the selected properties. */
export function project(item: ConfigItem, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const dot = field.indexOf(".");
    const root = dot === -1 ? field : field.slice(0, dot);
    const base = root === "tags" ? Object.entries(item.tags).map(([key, value]) => ({ key, value })) : rootValue(item, root);
    if (base === undefined || base === null) continue;
    // Whole top-level properties (the collectors' usual selection) are taken as they are: no copying.
    const projected = dot === -1 ? base : projectPath(base, field.slice(dot + 1).split("."));
    if (projected === undefined) continue;
    out[root] = root in out ? merge(out[root], projected) : projected;
  }
  return out;
}
