// The newest drift: findings that opened, regressed, resolved, errored or lost their resource.
import { Prisma } from "@safeguard/db/client";
import type { OrgReader } from "@safeguard/db/tenant";
import { getCheck } from "@safeguard/controls/catalog";

export interface DriftEvent {
  id: string;
  kind: string;
  fromStatus: string | null;
  toStatus: string;
  severity: string;
  occurredAt: Date;
  findingId: string;
  checkId: string;
  checkTitle: string;
  resourceId: string;
  resourceName: string | null;
  accountName: string | null;
}

/** FIRST_SEEN (a passing first evaluation) is history, not drift, so it is left out. */
export async function findDriftEvents({ db, limit = 10 }: { db: OrgReader; limit?: number }): Promise<DriftEvent[]> {
  const rows = await db.rows<Omit<DriftEvent, "checkTitle">>(Prisma.sql`
    SELECT e.id, e.kind::text AS kind, e.from_status::text AS "fromStatus", e.to_status::text AS "toStatus",
           e.severity::text AS severity, e.occurred_at AS "occurredAt", e.finding_id AS "findingId", e.check_id AS "checkId",
           e.resource_id AS "resourceId", r.name AS "resourceName", a.name AS "accountName"
    FROM finding_events e
    LEFT JOIN resources r ON r.id = e.resource_id
    LEFT JOIN cloud_accounts a ON a.id = e.account_id
    WHERE e.kind <> 'FIRST_SEEN'
    ORDER BY e.occurred_at DESC, e.id DESC
    LIMIT ${limit}`);
  return rows.map((r) => ({ ...r, checkTitle: getCheck(r.checkId)?.title ?? r.checkId }));
}
