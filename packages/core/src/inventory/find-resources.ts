// The inventory list: resources by account, type, region and tag, keyset-paged, each with the
// number of its failing findings (an index probe per shown row on findings(resource_id, check_id)).
import { Prisma } from "@safeguard/db/client";
import type { OrgTx } from "@safeguard/db/tenant";
import { ValidationError } from "../errors";
import { decodeCursor, encodeCursor } from "../findings/finding-cursor";
import { likePattern } from "../findings/finding-where";
import { parseTag, type ResourcePageQuery } from "./resource-filters";

export const RESOURCE_COUNT_CAP = 50_000;

const SORTS = {
  resourceType: { column: "r.resource_type", type: "text", key: "resourceType" },
  name: { column: "coalesce(r.name, '')", type: "text", key: "name" },
  region: { column: "r.region", type: "text", key: "region" },
  lastChangedAt: { column: "r.last_changed_at", type: "timestamptz", key: "lastChangedAt" },
} as const;

export interface ResourceListItem {
  id: string;
  name: string | null;
  nativeId: string;
  resourceId: string;
  resourceType: string;
  region: string;
  accountId: string;
  accountName: string;
  provider: string;
  tags: Record<string, string>;
  inScope: boolean;
  lastChangedAt: Date;
  deletedAt: Date | null;
  failing: number;
}

export interface ResourcePage {
  items: ResourceListItem[];
  total: number;
  totalCapped: boolean;
  nextCursor: string | null;
}

export async function findResources({ tx, query }: { tx: OrgTx; query: ResourcePageQuery }): Promise<ResourcePage> {
  const dir = query.dir ?? (query.sort === "lastChangedAt" ? "desc" : "asc");
  const parts: Prisma.Sql[] = [];
  if (!query.includeDeleted) parts.push(Prisma.sql`r.deleted_at IS NULL`);
  if (query.accountId) parts.push(Prisma.sql`r.account_id = ANY(${query.accountId}::uuid[])`);
  if (query.resourceType) parts.push(Prisma.sql`r.resource_type = ANY(${query.resourceType}::text[])`);
  if (query.region) parts.push(Prisma.sql`r.region = ANY(${query.region}::text[])`);
  if (query.inScope !== undefined) parts.push(Prisma.sql`r.in_scope = ${query.inScope}`);
  if (query.tag) {
    const { key, value } = parseTag(query.tag);
    parts.push(value === null ? Prisma.sql`r.tags ? ${key}` : Prisma.sql`r.tags @> jsonb_build_object(${key}::text, ${value}::text)`);
  }
  if (query.q) {
    const p = likePattern(query.q);
    parts.push(Prisma.sql`(r.name ILIKE ${p} OR r.resource_id ILIKE ${p} OR r.native_id ILIKE ${p})`);
  }
  const where = parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`true`;
  const s = SORTS[query.sort];
  let page: Prisma.Sql = Prisma.empty;
  if (query.cursor) {
    const c = decodeCursor(query.cursor);
    if (s.type === "timestamptz" && Number.isNaN(Date.parse(c.value))) throw ValidationError.field("cursor", "does not belong to this sort order");
    page = Prisma.sql`AND (${Prisma.raw(s.column)}, r.id) ${Prisma.raw(dir === "asc" ? ">" : "<")} (${c.value}::${Prisma.raw(s.type)}, ${c.id}::uuid)`;
  }
  const d = dir === "asc" ? "ASC" : "DESC";
  const rows = await tx.$queryRaw<ResourceListItem[]>`
    SELECT r.id, r.name, r.native_id AS "nativeId", r.resource_id AS "resourceId", r.resource_type AS "resourceType",
           r.region, r.account_id AS "accountId", a.name AS "accountName", r.provider::text AS provider, r.tags,
           r.in_scope AS "inScope", r.last_changed_at AS "lastChangedAt", r.deleted_at AS "deletedAt",
           (SELECT count(*)::int FROM findings f WHERE f.resource_id = r.id AND f.status IN ('FAIL', 'ERROR') AND NOT f.suppressed) AS failing
    FROM resources r JOIN cloud_accounts a ON a.id = r.account_id
    WHERE ${where} ${page}
    ORDER BY ${Prisma.raw(`${s.column} ${d}, r.id ${d}`)}
    LIMIT ${query.limit + 1}`;
  const [c] = await tx.$queryRaw<[{ n: number }]>`
    SELECT count(*)::int AS n FROM (SELECT 1 FROM resources r WHERE ${where} LIMIT ${RESOURCE_COUNT_CAP + 1}) s`;
  const more = rows.length > query.limit;
  const shown = more ? rows.slice(0, query.limit) : rows;
  const last = shown.at(-1);
  const lastValue = last ? (s.key === "lastChangedAt" ? last.lastChangedAt.toISOString() : String(last[s.key] ?? "")) : "";
  return {
    items: shown,
    total: Math.min(c?.n ?? 0, RESOURCE_COUNT_CAP),
    totalCapped: (c?.n ?? 0) > RESOURCE_COUNT_CAP,
    nextCursor: more && last ? encodeCursor({ value: lastValue, id: last.id }) : null,
  };
}
