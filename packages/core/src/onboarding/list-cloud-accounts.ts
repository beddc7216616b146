import type { CloudAccountStatus, CloudProvider } from "@safeguard/db/client";
import type { OrgTx } from "@safeguard/db/tenant";
import { findLastCoverage, type LastCoverage } from "../account-status/find-last-coverage";
import { scanRunSelect, toScanRunView, type ScanRunView } from "../account-status/scan-run-view";
import { accountProblemMessage, type AccountProblem } from "../accounts/account-errors";

export interface CloudAccountRow {
  id: string;
  provider: CloudProvider;
  name: string;
  externalAccountId: string;
  status: CloudAccountStatus;
  /** the status in words a customer can act on */
  statusText: string;
  regions: string[];
  awsRoleArn: string | null;
  awsExternalId: string | null;
  azureTenantId: string | null;
  azureClientId: string | null;
  /** never the secret itself: only whether one is stored */
  hasAzureSecret: boolean;
  lastScanAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  lastErrorCode: string | null;
  /** the queued or running scan, with live progress */
  currentScan: ScanRunView | null;
  /** region coverage recorded by the latest scan that read the account (null before the first one) */
  lastCoverage: LastCoverage | null;
}

const OK_TEXT: Record<"PENDING" | "ACTIVE" | "DISABLED", string> = {
  PENDING: "Waiting for the first successful scan.",
  ACTIVE: "Connected: scans are running normally.",
  DISABLED: "Disabled: not scanned.",
};

export function accountStatusText(status: CloudAccountStatus): string {
  return status in OK_TEXT ? OK_TEXT[status as keyof typeof OK_TEXT] : accountProblemMessage(status as AccountProblem);
}

/** The organisation's connected accounts with their state, for the accounts page. */
export async function listCloudAccounts(tx: OrgTx): Promise<CloudAccountRow[]> {
  const accounts = await tx.cloudAccount.findMany({ where: { deletedAt: null }, orderBy: [{ provider: "asc" }, { name: "asc" }] });
  const ids = accounts.map((a) => a.id);
  const inFlight = await tx.scanRun.findMany({
    where: { accountId: { in: ids }, status: { in: ["QUEUED", "RUNNING"] } },
    orderBy: { queuedAt: "desc" },
    select: { ...scanRunSelect, accountId: true },
  });
  const coverage = await findLastCoverage(tx, ids);
  return accounts.map((a) => {
    const scan = inFlight.find((s) => s.accountId === a.id);
    return {
      id: a.id,
      provider: a.provider,
      name: a.name,
      externalAccountId: a.externalAccountId,
      status: a.status,
      statusText: accountStatusText(a.status),
      regions: a.regions,
      awsRoleArn: a.awsRoleArn,
      awsExternalId: a.awsExternalId,
      azureTenantId: a.azureTenantId,
      azureClientId: a.azureClientId,
      hasAzureSecret: a.azureClientSecretEnc != null,
      lastScanAt: a.lastScanAt?.toISOString() ?? null,
      lastError: a.lastError,
      lastErrorAt: a.lastErrorAt?.toISOString() ?? null,
      lastErrorCode: a.lastErrorCode,
      currentScan: scan ? toScanRunView(scan) : null,
      lastCoverage: coverage.get(a.id) ?? null,
    };
  });
}
