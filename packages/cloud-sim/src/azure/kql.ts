// The KQL subset the Azure collector sends to Resource Graph:
//   <Resources|securityresources|…> | where type in~ ('a','b') [and id in~ ('…')] [and properties.changedTime > datetime(…)]
//   | order by id asc | project id[, name, ...]
//   resourcechanges | extend t = todatetime(properties.changeAttributes.timestamp), id2 = tostring(properties.targetResourceId)
//   | where t > datetime(…) and … | order by id asc | project t, id2, …
// Conditions may wrap their column in tostring()/todatetime(); extend and project take `name = [fn(]path[)]`.
// Anything else is a BadRequest, as ARG answers an unsupported query.

export class KqlError extends Error {
  constructor(message: string, readonly token: string, readonly position: number) {
    super(message);
  }
}

export type KqlCondition =
  | { kind: "in"; path: string; values: string[]; caseInsensitive: boolean; negate: boolean }
  | { kind: "cmp"; path: string; op: "==" | "=~" | "!=" | "!~" | ">" | ">=" | "<" | "<="; value: string | number | boolean; isDate: boolean };

/** The Resource Graph tables this simulator serves (supported-tables reference), plus the change history. */
export const KQL_TABLES = ["resources", "securityresources", "recoveryservicesresources", "appserviceresources", "authorizationresources", "policyresources", "resourcecontainers", "resourcechanges"] as const;

/** A computed or picked column: `name = fn(path)`, `name = path`, or a bare path (named by its last segment). */
export interface KqlColumn {
  name: string;
  path: string;
  fn: "tostring" | "todatetime" | null;
}

export interface KqlQuery {
  table: (typeof KQL_TABLES)[number];
  /** `extend` columns, computed before any `where` (this subset puts extend first) */
  extend: KqlColumn[];
  where: KqlCondition[];
  orderBy: { path: string; desc: boolean } | null;
  project: KqlColumn[] | null;
}

const STRING = String.raw`'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"`;
const PATH = String.raw`[A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*|\['[^']+'\])*`;
const unquote = (s: string) => s.slice(1, -1).replace(/\\(.)/g, "$1");
/** A column reference, optionally wrapped in a conversion: `path`, `tostring(path)`, `todatetime(path)`. */
const OPERAND = String.raw`(?:(tostring|todatetime)\(\s*(${PATH})\s*\)|(${PATH}))`;

function parseCondition(text: string, offset: number): KqlCondition {
  const t = text.trim();
  let m = new RegExp(`^${OPERAND}\\s+(!?in~?)\\s*\\(\\s*((?:${STRING})(?:\\s*,\\s*(?:${STRING}))*)\\s*\\)$`).exec(t);
  if (m) {
    const values = (m[5] as string).match(new RegExp(STRING, "g"))?.map(unquote) ?? [];
    const op = m[4] as string;
    return { kind: "in", path: (m[2] ?? m[3]) as string, values, caseInsensitive: op.endsWith("~"), negate: op.startsWith("!") };
  }
  m = new RegExp(`^${OPERAND}\\s*(==|=~|!=|!~|>=|<=|>|<)\\s*(${STRING}|datetime\\(\\s*[^)]+\\)|-?\\d+(?:\\.\\d+)?|true|false)$`).exec(t);
  if (m) {
    const raw = m[5] as string;
    const literalDate = raw.startsWith("datetime(");
    const isDate = literalDate || m[1] === "todatetime";
    const quoted = raw.startsWith("'") || raw.startsWith('"');
    const value = literalDate ? raw.slice(9, -1).trim().replace(/^['"]|['"]$/g, "") : quoted ? unquote(raw) : raw === "true" ? true : raw === "false" ? false : Number(raw);
    if (isDate && Number.isNaN(Date.parse(String(value)))) throw new KqlError(`invalid datetime literal ${raw}`, raw, offset);
    return { kind: "cmp", path: (m[2] ?? m[3]) as string, op: m[4] as Extract<KqlCondition, { kind: "cmp" }>["op"], value, isDate };
  }
  throw new KqlError(`unsupported condition '${t}'`, t.split(/\s+/)[0] ?? t, offset);
}

function splitTopLevel(text: string, separator: RegExp): string[] {
  // Split on a separator outside quotes and parentheses.
  const parts: string[] = [];
  let depth = 0, quote: string | null = null, start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quote) { if (c === "\\") i++; else if (c === quote) quote = null; continue; }
    if (c === "'" || c === '"') { quote = c; continue; }
    if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (depth === 0) {
      const m = separator.exec(text.slice(i));
      if (m && m.index === 0) { parts.push(text.slice(start, i)); i += m[0].length - 1; start = i + 1; }
    }
  }
  parts.push(text.slice(start));
  return parts;
}

const COLUMN = new RegExp(String.raw`^(?:([A-Za-z_]\w*)\s*=\s*)?${OPERAND}$`);

function parseColumns(text: string, offset: number, needName: boolean): KqlColumn[] {
  return splitTopLevel(text, /,/).map((part) => {
    const m = COLUMN.exec(part.trim());
    if (!m || (needName && !m[1])) throw new KqlError(`unsupported column '${part.trim()}'`, part.trim(), offset);
    const path = (m[3] ?? m[4]) as string;
    return { name: m[1] ?? (path.split(".").pop() as string), path, fn: (m[2] as KqlColumn["fn"]) ?? null };
  });
}

export function parseKql(query: string): KqlQuery {
  const stages = splitTopLevel(query, /\|/);
  const tableName = (stages[0] ?? "").trim().toLowerCase();
  const table = KQL_TABLES.find((t) => t === tableName);
  if (!table) throw new KqlError(`unknown table '${stages[0]?.trim()}'`, stages[0]?.trim() ?? "", 0);
  const out: KqlQuery = { table, extend: [], where: [], orderBy: null, project: null };
  let offset = (stages[0] ?? "").length + 1;
  for (const stage of stages.slice(1)) {
    const s = stage.trim();
    const where = /^where\s+([\s\S]+)$/i.exec(s);
    const order = /^(?:order|sort)\s+by\s+([A-Za-z_][\w.]*)(?:\s+(asc|desc))?$/i.exec(s);
    const project = /^project\s+([\s\S]+)$/i.exec(s);
    const extend = /^extend\s+([\s\S]+)$/i.exec(s);
    if (where) {
      if (/\sor\s/i.test(splitTopLevel(where[1] as string, /\band\b/i).join(" "))) throw new KqlError("'or' is not supported in this subset", "or", offset);
      for (const cond of splitTopLevel(where[1] as string, /\band\b/i)) out.where.push(parseCondition(cond, offset));
    } else if (extend) {
      // Extended columns are computed before every where; an extend after a where would change nothing here.
      if (out.where.length > 0 || out.project) throw new KqlError("this subset takes 'extend' before 'where' and 'project'", "extend", offset);
      out.extend.push(...parseColumns(extend[1] as string, offset, true));
    } else if (order) out.orderBy = { path: order[1] as string, desc: (order[2] ?? "desc").toLowerCase() === "desc" };
    else if (project) out.project = parseColumns(project[1] as string, offset, false);
    else throw new KqlError(`unsupported operator '${s.split(/\s+/)[0]}'`, s.split(/\s+/)[0] ?? s, offset);
    offset += stage.length + 1;
  }
  return out;
}

// Paths are split once per distinct path, not once per row: a 100k-row scan evaluates them a lot.
const segmentCache = new Map<string, string[]>();
function segmentsOf(path: string): string[] {
  let segments = segmentCache.get(path);
  if (!segments) {
    segments = (path.match(/[A-Za-z_]\w*|\['[^']+'\]/g) ?? []).map((part) => (part.startsWith("[") ? part.slice(2, -2) : part));
    if (segmentCache.size < 1000) segmentCache.set(path, segments);
  }
  return segments;
}

function valueAt(row: Record<string, unknown>, path: string): unknown {
  let current: unknown = row;
  for (const key of segmentsOf(path)) {
    if (current && typeof current === "object" && !Array.isArray(current)) current = (current as Record<string, unknown>)[key];
    else return undefined;
  }
  return current;
}

export function rowMatches(row: Record<string, unknown>, where: readonly KqlCondition[]): boolean {
  return where.every((c) => {
    const v = valueAt(row, c.path);
    if (c.kind === "in") {
      const hit = c.values.some((x) => (c.caseInsensitive ? String(v ?? "").toLowerCase() === x.toLowerCase() : String(v ?? "") === x));
      return c.negate ? !hit : hit;
    }
    if (v === undefined || v === null) return false;
    if (c.isDate) {
      const a = Date.parse(String(v)), b = Date.parse(String(c.value));
      if (Number.isNaN(a)) return false;
      return c.op === ">" ? a > b : c.op === ">=" ? a >= b : c.op === "<" ? a < b : c.op === "<=" ? a <= b : c.op === "!=" ? a !== b : a === b;
    }
    const sv = String(v), cv = String(c.value);
    switch (c.op) {
      case "==": return sv === cv;
      case "=~": return sv.toLowerCase() === cv.toLowerCase();
      case "!=": return sv !== cv;
      case "!~": return sv.toLowerCase() !== cv.toLowerCase();
      case ">": return typeof v === "number" ? v > Number(c.value) : sv > cv;
      case ">=": return typeof v === "number" ? v >= Number(c.value) : sv >= cv;
      case "<": return typeof v === "number" ? v < Number(c.value) : sv < cv;
      case "<=": return typeof v === "number" ? v <= Number(c.value) : sv <= cv;
    }
    return false;
  });
}

function convert(value: unknown, fn: KqlColumn["fn"]): unknown {
  if (fn === "tostring") return value === undefined || value === null ? "" : typeof value === "object" ? JSON.stringify(value) : String(value);
  if (fn === "todatetime") {
    const t = typeof value === "string" || typeof value === "number" ? Date.parse(String(value)) : NaN;
    return Number.isNaN(t) ? null : new Date(t).toISOString();
  }
  return value;
}

/** The row with the query's extended columns added (the row itself when there are none). */
export function extendRow(row: Record<string, unknown>, extend: readonly KqlColumn[]): Record<string, unknown> {
  if (extend.length === 0) return row;
  const out = { ...row };
  for (const c of extend) out[c.name] = convert(valueAt(row, c.path), c.fn);
  return out;
}

export function projectRow(row: Record<string, unknown>, columns: readonly KqlColumn[] | null): Record<string, unknown> {
  if (!columns) return row;
  const out: Record<string, unknown> = {};
  for (const c of columns) out[c.name] = convert(valueAt(row, c.path), c.fn) ?? null;
  return out;
}
