// One resource: its recorded configuration, its findings and its change history (the drift events
// of its findings, plus when it was first seen, last changed and deleted).
import type { OrgTx } from "@safeguard/db/tenant";
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

export async function getResource({ tx, resourceId, historyLimit = 200 }: { tx: OrgTx; resourceId: string; historyLimit?: number }): Promise<ResourceDetail> {
  if (!isUuid(resourceId)) throw new NotFoundError("Resource");
  const r = await tx.resource.findUnique({
    where: { id: resourceId },
    include: { account: { select: { id: true, name: true, externalAccountId: true } } },
  });
  if (!r) throw new NotFoundError("Resource");
  const findings = await tx.finding.findMany({
    where: { resourceId },
    select: { id: true, checkId: true, status: true, severity: true, suppressed: true, lastChangedAt: true, reason: true },
  });
  const history = await tx.findingEvent.findMany({
    where: { resourceId },
    orderBy: { occurredAt: "desc" },
    take: historyLimit,
    select: { id: true, kind: true, checkId: true, fromStatus: true, toStatus: true, occurredAt: true, findingId: true },
  });
  const title = (id: string) => getCheck(id)?.title ?? id;
  return {
    id: r.id,
    name: r.name,
    nativeId: r.nativeId,
    resourceId: r.resourceId,
    resourceType: r.resourceType,
    region: r.region,
    provider: r.provider,
    account: r.account,
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
