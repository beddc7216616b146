// One resource: its recorded configuration, its findings and its change history (the drift events
// of its findings, plus when it was first seen, last changed and deleted).
import { Prisma } from "@safeguard/db/client";
import type { OrgReader } from "@safeguard/db/tenant";
import { getCheck } from "@safeguard/controls/catalog";
import { NotFoundError } from "../errors";
import { isUuid } from "../findings/ids";

export interface ResourceDetail {
  id: string;
  name: string | null;
  nativeId: string;
  resourceId: string;
  resourceType: string;
  region: string;
  provider: string;
  account: { id: string; name: string; externalAccountId: string };
  tags: Record<string, string>;
  configuration: unknown;
  supplementary: unknown;
  relationships: unknown;
  inScope: boolean;
  capturedAt: Date | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
  lastChangedAt: Date;
  deletedAt: Date | null;
  findings: Array<{ id: string; checkId: string; checkTitle: string; status: string; severity: string; suppressed: boolean; lastChangedAt: Date; reason: string | null }>;
  history: Array<{ id: string; kind: string; checkId: string; checkTitle: string; fromStatus: string | null; toStatus: string; occurredAt: Date; findingId: string }>;
}

const STATUS_ORDER: Record<string, number> = { FAIL: 0, ERROR: 1, PASS: 2, NOT_APPLICABLE: 3 };
const SEVERITY_ORDER: Record<string, number> = { CRITICAL: 0, HIGH: 1, MEDIUM: 2, LOW: 3 };

type ResourceRow = Omit<ResourceDetail, "account" | "findings" | "history"> & { accountId: string; accountName: string; externalAccountId: string };

export async function getResource({ db, resourceId, historyLimit = 200 }: { db: OrgReader; resourceId: string; historyLimit?: number }): Promise<ResourceDetail> {
  if (!isUuid(resourceId)) throw new NotFoundError("Resource");
  const [r] = await db.rows<ResourceRow>(Prisma.sql`
    SELECT r.id, r.name, r.native_id AS "nativeId", r.resource_id AS "resourceId", r.resource_type AS "resourceType", r.region,
           r.provider::text AS provider, r.tags, r.configuration, r.supplementary, r.relationships, r.in_scope AS "inScope",
           r.captured_at AS "capturedAt", r.first_seen_at AS "firstSeenAt", r.last_seen_at AS "lastSeenAt",
           r.last_changed_at AS "lastChangedAt", r.deleted_at AS "deletedAt",
           a.id AS "accountId", a.name AS "accountName", a.external_account_id AS "externalAccountId"
    FROM resources r JOIN cloud_accounts a ON a.id = r.account_id
    WHERE r.id = ${resourceId}::uuid`);
  if (!r) throw new NotFoundError("Resource");
  const findings = await db.rows<Omit<ResourceDetail["findings"][number], "checkTitle">>(Prisma.sql`
    SELECT id, check_id AS "checkId", status::text AS status, severity::text AS severity, suppressed,
           last_changed_at AS "lastChangedAt", reason
    FROM findings WHERE resource_id = ${resourceId}::uuid`);
  const history = await db.rows<Omit<ResourceDetail["history"][number], "checkTitle">>(Prisma.sql`
    SELECT id, kind::text AS kind, check_id AS "checkId", from_status::text AS "fromStatus", to_status::text AS "toStatus",
           occurred_at AS "occurredAt", finding_id AS "findingId"
    FROM finding_events WHERE resource_id = ${resourceId}::uuid
    ORDER BY occurred_at DESC LIMIT ${historyLimit}`);
  const title = (id: string) => getCheck(id)?.title ?? id;
  return {
    id: r.id,
    name: r.name,
    nativeId: r.nativeId,
    resourceId: r.resourceId,
    resourceType: r.resourceType,
    region: r.region,
    provider: r.provider,
    account: { id: r.accountId, name: r.accountName, externalAccountId: r.externalAccountId },
    tags: (r.tags ?? {}) as Record<string, string>,
    configuration: r.configuration,
    supplementary: r.supplementary,
    relationships: r.relationships,
    inScope: r.inScope,
    capturedAt: r.capturedAt,
    firstSeenAt: r.firstSeenAt,
    lastSeenAt: r.lastSeenAt,
    lastChangedAt: r.lastChangedAt,
    deletedAt: r.deletedAt,
    findings: findings
      .map((f) => ({ ...f, checkTitle: title(f.checkId) }))
      .sort((a, b) => (STATUS_ORDER[a.status] ?? 9) - (STATUS_ORDER[b.status] ?? 9) || (SEVERITY_ORDER[a.severity] ?? 9) - (SEVERITY_ORDER[b.severity] ?? 9)),
    history: history.map((h) => ({ ...h, checkTitle: title(h.checkId) })),
  };
}
