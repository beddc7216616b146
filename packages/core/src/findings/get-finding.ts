// One finding with everything its detail page shows: the evidence that decided it, what the check
// is and how to fix it, the resource it is about, its drift history and any exception covering it.
import type { OrgTx } from "@safeguard/db/tenant";
import { getCheck } from "@safeguard/controls/catalog";
import type { Remediation } from "@safeguard/controls/types";
import { NotFoundError } from "../errors";
import { isUuid } from "./ids";

export interface EvidenceItem {
  path: string;
  value: unknown;
  expected?: unknown;
}

export interface FindingHistoryItem {
  id: string;
  kind: string;
  fromStatus: string | null;
  toStatus: string;
  occurredAt: Date;
  scanRunId: string | null;
}

export interface FindingDetail {
  id: string;
  status: string;
  severity: string;
  reason: string | null;
  evidence: EvidenceItem[];
  inScope: boolean;
  suppressed: boolean;
  firstSeenAt: Date;
  lastChangedAt: Date;
  lastEvaluatedAt: Date;
  deletedAt: Date | null;
  check: { id: string; title: string; rationale: string; citations: string[]; remediation: Remediation | null; known: boolean };
  resource: { id: string; name: string | null; nativeId: string; resourceId: string; resourceType: string; region: string; tags: Record<string, string> };
  account: { id: string; name: string; provider: string; externalAccountId: string };
  exception: { id: string; status: string; scope: string; expiresAt: Date; justification: string } | null;
  history: FindingHistoryItem[];
}

/** Foreign or malformed ids are NotFound: they must look exactly like ids that never existed. */
export async function getFinding({ tx, findingId, historyLimit = 100 }: { tx: OrgTx; findingId: string; historyLimit?: number }): Promise<FindingDetail> {
  if (!isUuid(findingId)) throw new NotFoundError("Finding");
  const f = await tx.finding.findUnique({
    where: { id: findingId },
    include: {
      // The account through the resource: findings carry no foreign key to accounts (reconciliation's hot insert).
      resource: {
        select: {
          id: true, name: true, nativeId: true, resourceId: true, resourceType: true, region: true, tags: true,
          account: { select: { id: true, name: true, provider: true, externalAccountId: true } },
        },
      },
    },
  });
  if (!f) throw new NotFoundError("Finding");
  const [history, exception] = await Promise.all([
    tx.findingEvent.findMany({
      where: { findingId },
      orderBy: { occurredAt: "desc" },
      take: historyLimit,
      select: { id: true, kind: true, fromStatus: true, toStatus: true, occurredAt: true, scanRunId: true },
    }),
    f.exceptionId
      ? tx.exception.findUnique({ where: { id: f.exceptionId }, select: { id: true, status: true, scope: true, expiresAt: true, justification: true } })
      : Promise.resolve(null),
  ]);
  const check = getCheck(f.checkId);
  return {
    id: f.id,
    status: f.status,
    severity: f.severity,
    reason: f.reason,
    evidence: Array.isArray(f.evidence) ? (f.evidence as unknown as EvidenceItem[]) : [],
    inScope: f.inScope,
    suppressed: f.suppressed,
    firstSeenAt: f.firstSeenAt,
    lastChangedAt: f.lastChangedAt,
    lastEvaluatedAt: f.lastEvaluatedAt,
    deletedAt: f.deletedAt,
    check: {
      id: f.checkId,
      title: check?.title ?? f.checkId,
      rationale: check?.rationale ?? "This check is no longer in the catalog.",
      citations: [...(check?.citations ?? [])],
      remediation: check?.remediation ?? null,
      known: Boolean(check),
    },
    resource: { id: f.resource.id, name: f.resource.name, nativeId: f.resource.nativeId, resourceId: f.resource.resourceId,
      resourceType: f.resource.resourceType, region: f.resource.region, tags: (f.resource.tags ?? {}) as Record<string, string> },
    account: f.resource.account,
    exception,
    history,
  };
}
