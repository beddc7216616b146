// Everything a scan needs to know about its account and organisation, read once at the start.
import type { OrgTx } from "@safeguard/db/tenant";
import { parseScope, type Scope } from "@safeguard/controls/scope";
import { NotFoundError } from "../errors";

export interface ScanTarget {
  accountId: string;
  orgId: string;
  provider: "AWS" | "AZURE";
  externalAccountId: string;
  name: string;
  awsRoleArn: string | null;
  awsExternalId: string | null;
  regions: string[];
  azureTenantId: string | null;
  azureClientId: string | null;
  azureClientSecretEnc: Uint8Array | null;
  lastFullScanAt: Date | null;
  lastScanAt: Date | null;
  changeWatermark: Date | null;
  scope: Scope;
}

export async function loadScanTarget({ tx, accountId }: { tx: OrgTx; accountId: string }): Promise<ScanTarget> {
  const a = await tx.cloudAccount.findUnique({ where: { id: accountId }, include: { org: { select: { scopeMode: true, phiTags: true, nonProdTags: true } } } });
  if (!a || a.deletedAt) throw new NotFoundError("Cloud account");
  return {
    accountId: a.id,
    orgId: a.orgId,
    provider: a.provider,
    externalAccountId: a.externalAccountId,
    name: a.name,
    awsRoleArn: a.awsRoleArn,
    awsExternalId: a.awsExternalId,
    regions: a.regions,
    azureTenantId: a.azureTenantId,
    azureClientId: a.azureClientId,
    azureClientSecretEnc: a.azureClientSecretEnc,
    lastFullScanAt: a.lastFullScanAt,
    lastScanAt: a.lastScanAt,
    changeWatermark: a.changeWatermark,
    scope: parseScope({ mode: a.org.scopeMode, phiTags: a.org.phiTags, nonProdTags: a.org.nonProdTags }),
  };
}
