import type { OrgTx } from "@safeguard/db/tenant";
import { NotFoundError } from "../errors";
import type { OrgSettings } from "./settings-schema";

type TagRule = { key: string; values: string[] };

function tagRules(value: unknown): TagRule[] {
  if (!Array.isArray(value)) return [];
  return value.filter((r): r is TagRule => typeof r?.key === "string" && Array.isArray(r?.values)).map((r) => ({ key: r.key, values: r.values.map(String) }));
}

export async function getOrgSettings(tx: OrgTx, orgId: string): Promise<OrgSettings & { slug: string }> {
  const org = await tx.organization.findUnique({ where: { id: orgId } });
  if (!org) throw new NotFoundError("Organisation");
  return {
    slug: org.slug,
    name: org.name,
    scopeMode: org.scopeMode,
    phiTags: tagRules(org.phiTags),
    nonProdTags: tagRules(org.nonProdTags),
    requireMfa: org.requireMfa,
    sessionIdleMinutes: org.sessionIdleMinutes,
    fullScanIntervalMinutes: org.fullScanIntervalMinutes,
    quickScanIntervalMinutes: org.quickScanIntervalMinutes,
  };
}
