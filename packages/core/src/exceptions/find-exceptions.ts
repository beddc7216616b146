// The exceptions register: every request and its decision, newest first, with who asked and who
// decided, what it covers and how many findings it suppresses right now.
import type { OrgTx } from "@safeguard/db/tenant";
import { getCheck } from "@safeguard/controls/catalog";

export interface ExceptionItem {
  id: string;
  scope: string;
  status: string;
  findingId: string | null;
  checkId: string | null;
  checkTitle: string | null;
  accountId: string | null;
  accountName: string | null;
  tagKey: string | null;
  tagValue: string | null;
  justification: string;
  requestedBy: { id: string; name: string | null };
  decidedBy: { id: string; name: string | null } | null;
  decisionNote: string | null;
  decidedAt: Date | null;
  expiresAt: Date;
  createdAt: Date;
  suppressedFindings: number;
}

type Row = Omit<ExceptionItem, "checkTitle" | "requestedBy" | "decidedBy"> & {
  requestedById: string; requestedByName: string | null; decidedById: string | null; decidedByName: string | null;
};

export async function findExceptions({ tx, status, findingId, limit = 200 }: { tx: OrgTx; status?: string; findingId?: string; limit?: number }): Promise<ExceptionItem[]> {
  const rows = await tx.$queryRaw<Row[]>`
    SELECT e.id, e.scope::text AS scope, e.status::text AS status, e.finding_id AS "findingId",
           coalesce(e.check_id, f.check_id) AS "checkId", coalesce(e.account_id, f.account_id) AS "accountId", a.name AS "accountName",
           e.tag_key AS "tagKey", e.tag_value AS "tagValue", e.justification,
           e.requested_by_id AS "requestedById", ru.name AS "requestedByName",
           e.decided_by_id AS "decidedById", du.name AS "decidedByName",
           e.decision_note AS "decisionNote", e.decided_at AS "decidedAt", e.expires_at AS "expiresAt", e.created_at AS "createdAt",
           coalesce(sc.n, 0)::int AS "suppressedFindings"
    FROM exceptions e
    -- one pass over the suppressed findings (there is no index on exception_id; see the report)
    LEFT JOIN (SELECT exception_id, count(*) AS n FROM findings WHERE suppressed GROUP BY exception_id) sc ON sc.exception_id = e.id
    LEFT JOIN findings f ON f.id = e.finding_id
    LEFT JOIN cloud_accounts a ON a.id = coalesce(e.account_id, f.account_id)
    LEFT JOIN memberships rm ON rm.user_id = e.requested_by_id LEFT JOIN users ru ON ru.id = rm.user_id
    LEFT JOIN memberships dm ON dm.user_id = e.decided_by_id LEFT JOIN users du ON du.id = dm.user_id
    WHERE (${status ?? null}::text IS NULL OR e.status::text = ${status ?? null}::text)
      AND (${findingId ?? null}::uuid IS NULL OR e.finding_id = ${findingId ?? null}::uuid)
    ORDER BY (e.status = 'PENDING') DESC, e.created_at DESC
    LIMIT ${limit}`;
  return rows.map(({ requestedById, requestedByName, decidedById, decidedByName, ...r }) => ({
    ...r,
    checkTitle: r.checkId ? (getCheck(r.checkId)?.title ?? r.checkId) : null,
    requestedBy: { id: requestedById, name: requestedByName },
    decidedBy: decidedById ? { id: decidedById, name: decidedByName } : null,
  }));
}
