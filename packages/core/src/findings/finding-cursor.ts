// Keyset paging for the explorer: the cursor is the (sort value, id) of the last row shown, so page
// N costs the same as page 1 however many findings the organisation has (OFFSET would scan them all).
import { Prisma } from "@safeguard/db/client";
import { ValidationError } from "../errors";
import { FINDING_STATUSES, SEVERITIES, type FindingSort } from "./finding-filters";

/** Column and SQL type per sort key; the id (UUIDv7, unique) breaks ties. */
const STATUS_RANK = ["FAIL", "ERROR", "PASS", "NOT_APPLICABLE"] as const;
const SEVERITY_RANK = ["CRITICAL", "HIGH", "MEDIUM", "LOW"] as const;

/** The priority sort key: status rank × 4 + severity rank (0 = failing critical). Mirrors PRIORITY_SQL. */
export function priorityOf(status: string, severity: string): number {
  return STATUS_RANK.indexOf(status as (typeof STATUS_RANK)[number]) * 4 + SEVERITY_RANK.indexOf(severity as (typeof SEVERITY_RANK)[number]);
}
const PRIORITY_SQL =
  `((array_position(ARRAY['FAIL','ERROR','PASS','NOT_APPLICABLE']::text[], f.status::text) - 1) * 4 + ` +
  `array_position(ARRAY['CRITICAL','HIGH','MEDIUM','LOW']::text[], f.severity::text) - 1)`;

export const SORT_COLUMNS: Record<FindingSort, { column: string; type: string }> = {
  priority: { column: PRIORITY_SQL, type: "int" },
  severity: { column: "f.severity", type: `"Severity"` },
  status: { column: "f.status", type: `"FindingStatus"` },
  lastChangedAt: { column: "f.last_changed_at", type: "timestamptz" },
  firstSeenAt: { column: "f.first_seen_at", type: "timestamptz" },
  checkId: { column: "f.check_id", type: "text" },
  resourceType: { column: "f.resource_type", type: "text" },
  region: { column: "f.region", type: "text" },
};

export interface Cursor {
  value: string;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.value, c.id])).toString("base64url");
}

export function decodeCursor(raw: string): Cursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === "string" && typeof parsed[1] === "string" && /^[0-9a-f-]{36}$/i.test(parsed[1])) {
      return { value: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through: a malformed cursor is the caller's input error, not a server error
  }
  throw ValidationError.field("cursor", "is not a cursor this list produced");
}

/** The sort value of a row as the cursor stores it (dates as ISO strings). */
export function cursorValue(v: unknown): string {
  return v instanceof Date ? v.toISOString() : String(v);
}

export function keysetPredicate(sort: FindingSort, dir: "asc" | "desc", cursor: Cursor): Prisma.Sql {
  const { column, type } = SORT_COLUMNS[sort];
  const op = dir === "asc" ? ">" : "<";
  const bad =
    ((sort === "lastChangedAt" || sort === "firstSeenAt") && Number.isNaN(Date.parse(cursor.value))) ||
    (sort === "severity" && !(SEVERITIES as readonly string[]).includes(cursor.value)) ||
    (sort === "status" && !(FINDING_STATUSES as readonly string[]).includes(cursor.value)) ||
    (sort === "priority" && !/^\d{1,2}$/.test(cursor.value));
  if (bad) throw ValidationError.field("cursor", "does not belong to this sort order");
  return Prisma.sql`(${Prisma.raw(column)}, f.id) ${Prisma.raw(op)} (${cursor.value}::${Prisma.raw(type)}, ${cursor.id}::uuid)`;
}

export function orderBy(sort: FindingSort, dir: "asc" | "desc"): Prisma.Sql {
  const d = dir === "asc" ? "ASC" : "DESC";
  return Prisma.raw(`${SORT_COLUMNS[sort].column} ${d}, f.id ${d}`);
}
