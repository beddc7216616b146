// The findings explorer's list: filtered, sorted, keyset-paged, with a total that stays cheap.
import { Prisma } from "@safeguard/db/client";
import type { OrgReader } from "@safeguard/db/tenant";
import { getCheck } from "@safeguard/controls/catalog";
import { cursorValue, decodeCursor, encodeCursor, keysetPredicate, orderBy, priorityOf, SORT_COLUMNS } from "./finding-cursor";
import { defaultDir, type FindingPageQuery } from "./finding-filters";
import { findingWhere } from "./finding-where";

/**
 * Counting stops here: past it the UI says "50,000+" instead of walking every row. Large enough
 * that an ordinary organisation always sees the exact number.
 */
export const FINDING_COUNT_CAP = 50_000;

export interface FindingListItem {
  id: string;
  checkId: string;
  checkTitle: string;
  status: "PASS" | "FAIL" | "ERROR" | "NOT_APPLICABLE";
  severity: "CRITICAL" | "HIGH" | "MEDIUM" | "LOW";
  accountId: string;
  accountName: string;
  provider: "AWS" | "AZURE";
  resourceId: string;
  resourceName: string | null;
  resourceNativeId: string;
  resourceType: string;
  region: string;
  inScope: boolean;
  suppressed: boolean;
  exceptionId: string | null;
  reason: string | null;
  firstSeenAt: Date;
  lastChangedAt: Date;
  deletedAt: Date | null;
}

export interface FindingPage {
  items: FindingListItem[];
  /** Exact when `totalCapped` is false; otherwise at least this many. */
  total: number;
  totalCapped: boolean;
  nextCursor: string | null;
  sort: FindingPageQuery["sort"];
  dir: "asc" | "desc";
}

type Row = Omit<FindingListItem, "checkTitle">;

export async function findFindings({ db, query, withTotal = true }: { db: OrgReader; query: FindingPageQuery; withTotal?: boolean }): Promise<FindingPage> {
  const dir = query.dir ?? defaultDir(query.sort);
  const where = findingWhere(query);
  const page = query.cursor ? Prisma.sql`AND ${keysetPredicate(query.sort, dir, decodeCursor(query.cursor))}` : Prisma.empty;
  const rows = await db.rows<Row>(Prisma.sql`
    SELECT f.id, f.check_id AS "checkId", f.status::text AS status, f.severity::text AS severity,
           f.account_id AS "accountId", a.name AS "accountName", a.provider::text AS provider,
           f.resource_id AS "resourceId", r.name AS "resourceName", r.native_id AS "resourceNativeId",
           f.resource_type AS "resourceType", f.region, f.in_scope AS "inScope", f.suppressed,
           f.exception_id AS "exceptionId", f.reason, f.first_seen_at AS "firstSeenAt",
           f.last_changed_at AS "lastChangedAt", f.deleted_at AS "deletedAt"
    FROM findings f
    JOIN resources r ON r.id = f.resource_id
    JOIN cloud_accounts a ON a.id = f.account_id
    WHERE ${where} ${page}
    ORDER BY ${orderBy(query.sort, dir)}
    LIMIT ${query.limit + 1}`);
  const more = rows.length > query.limit;
  const shown = more ? rows.slice(0, query.limit) : rows;
  const last = shown.at(-1);
  const lastValue = !last ? undefined : query.sort === "priority" ? priorityOf(last.status, last.severity)
    : (last as unknown as Record<string, unknown>)[camel(SORT_COLUMNS[query.sort].column.slice(2))];

  let total = 0;
  let totalCapped = false;
  if (withTotal) {
    const [c] = await db.rows<{ n: number }>(Prisma.sql`
      SELECT count(*)::int AS n FROM (SELECT 1 FROM findings f WHERE ${where} LIMIT ${FINDING_COUNT_CAP + 1}) s`);
    total = Math.min(c?.n ?? 0, FINDING_COUNT_CAP);
    totalCapped = (c?.n ?? 0) > FINDING_COUNT_CAP;
  }

  return {
    items: shown.map((r) => ({ ...r, checkTitle: getCheck(r.checkId)?.title ?? r.checkId })),
    total,
    totalCapped,
    nextCursor: more && last ? encodeCursor({ value: cursorValue(lastValue), id: last.id }) : null,
    sort: query.sort,
    dir,
  };
}

function camel(snake: string): string {
  return snake.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}
