// Parser for the subset of AWS Config's advanced-query SQL the collectors send:
// SELECT fields | COUNT(*) | field, COUNT(*) ... GROUP BY field [WHERE condition] with AND/OR/NOT, =, !=,
// <>, <, >, <=, >=, IN, BETWEEN, LIKE.
// Anything else is rejected the way Config rejects it (InvalidExpressionException).

export type Literal = string | number | boolean;
export type Comparator = "=" | "!=" | "<" | ">" | "<=" | ">=";
export type Condition =
  | { op: "and" | "or"; left: Condition; right: Condition }
  | { op: "not"; inner: Condition }
  | { op: "cmp"; path: string; cmp: Comparator; value: Literal }
  | { op: "in"; path: string; values: Literal[]; negate: boolean }
  | { op: "between"; path: string; low: Literal; high: Literal; negate: boolean }
  | { op: "like"; path: string; pattern: string; negate: boolean };

export interface SelectQuery {
  fields: string[];
  count: boolean;
  star: boolean;
  where: Condition | null;
  /** GROUP BY property (only with COUNT(*) and that one property selected) */
  groupBy: string | null;
}

export class QuerySyntaxError extends Error {}

export const TOP_LEVEL_FIELDS = [
  "accountId", "arn", "availabilityZone", "awsRegion", "configuration", "configurationItemCaptureTime", "configurationItemStatus",
  "relationships", "resourceCreationTime", "resourceId", "resourceName", "resourceType", "supplementaryConfiguration", "tags", "version",
] as const;
export const STAR_FIELDS = ["accountId", "awsRegion", "arn", "availabilityZone", "configurationItemCaptureTime", "resourceCreationTime", "resourceId", "resourceName", "resourceType", "version"];
const UNSUPPORTED = new Set(["ALL", "AS", "DISTINCT", "FROM", "HAVING", "JOIN", "UNION", "LIMIT", "OFFSET", "GROUP", "ORDER", "BY"]);

type Token = { t: "word" | "string" | "number" | "punct"; v: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/.test(c)) { i++; continue; }
    if (c === "'") {
      let value = "";
      i++;
      for (;;) {
        if (i >= text.length) throw new QuerySyntaxError("unterminated string literal");
        if (text[i] === "'" && text[i + 1] === "'") { value += "'"; i += 2; continue; }
        if (text[i] === "'") { i++; break; }
        value += text[i++];
      }
      tokens.push({ t: "string", v: value });
      continue;
    }
    const two = text.slice(i, i + 2);
    if (["!=", "<>", "<=", ">="].includes(two)) { tokens.push({ t: "punct", v: two === "<>" ? "!=" : two }); i += 2; continue; }
    if ("(),=<>*".includes(c)) { tokens.push({ t: "punct", v: c }); i++; continue; }
    const num = /^-?\d+(\.\d+)?(?![\w.])/.exec(text.slice(i));
    if (num) { tokens.push({ t: "number", v: num[0] }); i += num[0].length; continue; }
    const word = /^[A-Za-z_][\w.:-]*/.exec(text.slice(i));
    if (word) { tokens.push({ t: "word", v: word[0] }); i += word[0].length; continue; }
    throw new QuerySyntaxError(`unexpected character '${c}' at position ${i}`);
  }
  return tokens;
}

export function parseSelect(expression: string): SelectQuery {
  const tokens = tokenize(expression);
  let pos = 0;
  const peek = () => tokens[pos];
  const isWord = (w: string) => peek()?.t === "word" && peek()?.v.toUpperCase() === w;
  const isPunct = (p: string) => peek()?.t === "punct" && peek()?.v === p;
  const expectPunct = (p: string) => {
    if (!isPunct(p)) throw new QuerySyntaxError(`expected '${p}' at token ${pos + 1}`);
    pos++;
  };
  const path = (): string => {
    const tok = peek();
    if (tok?.t !== "word") throw new QuerySyntaxError(`expected a property name at token ${pos + 1}`);
    if (UNSUPPORTED.has(tok.v.toUpperCase())) throw new QuerySyntaxError(`${tok.v.toUpperCase()} is not supported`);
    const root = tok.v.split(".")[0] as string;
    if (!(TOP_LEVEL_FIELDS as readonly string[]).includes(root)) throw new QuerySyntaxError(`unknown property '${tok.v}'`);
    pos++;
    return tok.v;
  };
  const literal = (): Literal => {
    const tok = peek();
    if (!tok) throw new QuerySyntaxError("expected a value");
    pos++;
    if (tok.t === "string") return tok.v;
    if (tok.t === "number") return Number(tok.v);
    if (tok.t === "word" && /^(true|false)$/i.test(tok.v)) return tok.v.toLowerCase() === "true";
    throw new QuerySyntaxError(`expected a value, got '${tok.v}'`);
  };

  if (!isWord("SELECT")) throw new QuerySyntaxError("the expression must start with SELECT");
  pos++;
  const fields: string[] = [];
  let count = false, star = false;
  for (;;) {
    if (isPunct("*")) { star = true; pos++; }
    else if (isWord("COUNT")) {
      pos++;
      expectPunct("(");
      expectPunct("*");
      expectPunct(")");
      count = true;
    } else fields.push(path());
    if (!isPunct(",")) break;
    pos++;
  }

  const orExpr = (): Condition => {
    let left = andExpr();
    while (isWord("OR")) { pos++; left = { op: "or", left, right: andExpr() }; }
    return left;
  };
  const andExpr = (): Condition => {
    let left = unary();
    while (isWord("AND")) { pos++; left = { op: "and", left, right: unary() }; }
    return left;
  };
  const unary = (): Condition => {
    if (isWord("NOT")) { pos++; return { op: "not", inner: unary() }; }
    if (isPunct("(")) { pos++; const inner = orExpr(); expectPunct(")"); return inner; }
    const p = path();
    let negate = false;
    if (isWord("NOT")) { negate = true; pos++; }
    if (isWord("IN")) {
      pos++;
      expectPunct("(");
      const values = [literal()];
      while (isPunct(",")) { pos++; values.push(literal()); }
      expectPunct(")");
      return { op: "in", path: p, values, negate };
    }
    if (isWord("BETWEEN")) {
      pos++;
      const low = literal();
      if (!isWord("AND")) throw new QuerySyntaxError("BETWEEN needs AND");
      pos++;
      return { op: "between", path: p, low, high: literal(), negate };
    }
    if (isWord("LIKE")) {
      pos++;
      const pattern = literal();
      if (typeof pattern !== "string") throw new QuerySyntaxError("LIKE needs a string pattern");
      return { op: "like", path: p, pattern, negate };
    }
    if (negate) throw new QuerySyntaxError("NOT must be followed by IN, BETWEEN or LIKE");
    const tok = peek();
    if (tok?.t !== "punct" || !["=", "!=", "<", ">", "<=", ">="].includes(tok.v)) throw new QuerySyntaxError(`expected a comparison after '${p}'`);
    pos++;
    return { op: "cmp", path: p, cmp: tok.v as Comparator, value: literal() };
  };

  let where: Condition | null = null;
  if (isWord("WHERE")) {
    pos++;
    where = orExpr();
  }
  let groupBy: string | null = null;
  if (isWord("GROUP")) {
    pos++;
    if (!isWord("BY")) throw new QuerySyntaxError("GROUP needs BY");
    pos++;
    groupBy = path();
  }
  if (count && (star || (groupBy === null ? fields.length > 0 : fields.length !== 1 || fields[0] !== groupBy))) {
    throw new QuerySyntaxError("COUNT(*) with other fields needs GROUP BY on the one selected property");
  }
  if (groupBy !== null && !count) throw new QuerySyntaxError("GROUP BY needs an aggregate function");
  if (pos < tokens.length) {
    const rest = peek()?.v ?? "";
    throw new QuerySyntaxError(UNSUPPORTED.has(rest.toUpperCase()) ? `${rest.toUpperCase()} is not supported` : `unexpected '${rest}'`);
  }
  return { fields, count, star, where, groupBy };
}

/** The resource types a condition can match, when it pins them (lets the server scan only those lists). */
export function typesOf(cond: Condition | null): string[] | null {
  if (!cond) return null;
  switch (cond.op) {
    case "cmp":
      return cond.path === "resourceType" && cond.cmp === "=" && typeof cond.value === "string" ? [cond.value] : null;
    case "in":
      return cond.path === "resourceType" && !cond.negate ? cond.values.filter((v): v is string => typeof v === "string") : null;
    case "and": {
      const l = typesOf(cond.left), r = typesOf(cond.right);
      if (l && r) return l.filter((t) => r.includes(t));
      return l ?? r;
    }
    case "or": {
      const l = typesOf(cond.left), r = typesOf(cond.right);
      return l && r ? [...new Set([...l, ...r])] : null;
    }
    default:
      return null;
  }
}
