// FindingFilters -> one SQL predicate over `findings f`. Every value is a bound parameter. Row-level security adds org_id = sg_current_org(), which leads the
// (org_id, …) indexes in schema.prisma, so each filter narrows an index range of one tenant.
import { Prisma } from "@safeguard/db/client";
import { checkIdsForCitation } from "../controls-tree/citation-checks";
import type { FindingFilters } from "./finding-filters";

/** `%`, `_` and `\` are literal in a search box. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function findingWhere(f: FindingFilters): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (!f.includeDeleted) parts.push(Prisma.sql`f.deleted_at IS NULL`);
  if (f.status) parts.push(Prisma.sql`f.status = ANY(${f.status}::"FindingStatus"[])`);
  if (f.severity) parts.push(Prisma.sql`f.severity = ANY(${f.severity}::"Severity"[])`);
  if (f.accountId) parts.push(Prisma.sql`f.account_id = ANY(${f.accountId}::uuid[])`);
  if (f.region) parts.push(Prisma.sql`f.region = ANY(${f.region}::text[])`);
  if (f.resourceType) parts.push(Prisma.sql`f.resource_type = ANY(${f.resourceType}::text[])`);
  let checks = f.checkId;
  if (f.citation) {
    const citing = checkIdsForCitation(f.citation);
    checks = checks ? checks.filter((c) => citing.includes(c)) : citing;
  }
  // A citation nothing cites (or that excludes every requested check) matches no finding.
  if (checks) parts.push(checks.length ? Prisma.sql`f.check_id = ANY(${checks}::text[])` : Prisma.sql`false`);
  if (f.inScope !== undefined) parts.push(Prisma.sql`f.in_scope = ${f.inScope}`);
  if (f.suppressed !== undefined) parts.push(Prisma.sql`f.suppressed = ${f.suppressed}`);
  if (f.q) {
    const p = likePattern(f.q);
    // The matching resources first (one pass over the tenant's resources, hashed), then the findings
    // that belong to one: a join would look up the resource of every candidate finding instead.
    parts.push(Prisma.sql`(f.resource_id IN (SELECT rq.id FROM resources rq WHERE rq.name ILIKE ${p} OR rq.resource_id ILIKE ${p} OR rq.native_id ILIKE ${p}) OR f.check_id ILIKE ${p})`);
  }
  return parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`true`;
}
