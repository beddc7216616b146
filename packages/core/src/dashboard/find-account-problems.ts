// Accounts whose last scan did not give a full picture: a connection state that needs fixing, or a
// latest scan that FAILED or was PARTIAL. The overview lists them so a gap in coverage is visible.
import { Prisma } from "@safeguard/db/client";
import type { OrgReader } from "@safeguard/db/tenant";

export interface AccountProblem {
  id: string;
  name: string;
  provider: string;
  status: string;
  lastError: string | null;
  lastErrorAt: Date | null;
  lastScanStatus: string | null;
  lastScanError: string | null;
  lastScanAt: Date | null;
}

export async function findAccountProblems({ db }: { db: OrgReader }): Promise<AccountProblem[]> {
  return db.rows<AccountProblem>(Prisma.sql`
    SELECT a.id, a.name, a.provider::text AS provider, a.status::text AS status, a.last_error AS "lastError",
           a.last_error_at AS "lastErrorAt", s.status::text AS "lastScanStatus", s.error AS "lastScanError",
           coalesce(s.finished_at, s.queued_at) AS "lastScanAt"
    FROM cloud_accounts a
    LEFT JOIN LATERAL (
      SELECT status, error, finished_at, queued_at FROM scan_runs sr
      WHERE sr.account_id = a.id AND sr.status IN ('SUCCEEDED', 'PARTIAL', 'FAILED')
      ORDER BY sr.queued_at DESC LIMIT 1
    ) s ON true
    WHERE a.deleted_at IS NULL
      AND (a.status NOT IN ('ACTIVE', 'PENDING', 'DISABLED') OR s.status IN ('PARTIAL', 'FAILED'))
    ORDER BY a.name`);
}
