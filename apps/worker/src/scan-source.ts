// Picks the collector for an account and hands it the credentials reference the account holds
// (role ARN + external ID; or the sealed Azure secret, opened only here, in memory, for this scan).
import { collectAws } from "@safeguard/collectors/aws/collect-aws";
import { collectAzure } from "@safeguard/collectors/azure/collect-azure";
import type { ScanTarget } from "@safeguard/core/scans/scan-target";
import type { ScanSource } from "@safeguard/core/scans/source";
import { open } from "@safeguard/core/security/secret-box";
import type { WorkerEnv } from "./env";

/** Incremental scans re-read a few minutes before the watermark: items captured "at" it may not have been visible yet. */
const WATERMARK_OVERLAP_MS = 5 * 60_000;

export function scanSource(env: WorkerEnv, target: ScanTarget, kind: "FULL" | "INCREMENTAL", scanRunId: string, signal: AbortSignal): ScanSource {
  const changedSince = kind === "INCREMENTAL" && target.changeWatermark ? new Date(target.changeWatermark.getTime() - WATERMARK_OVERLAP_MS) : null;
  if (target.provider === "AWS") {
    // Given what is stored, an incremental scan lists ids only of the types whose counts do not add up.
    return (stored) => collectAws(
      { endpoint: env.AWS_ENDPOINT_URL, maxAttempts: env.SAFEGUARD_AWS_MAX_ATTEMPTS },
      {
        accountId: target.externalAccountId,
        roleArn: target.awsRoleArn ?? "",
        externalId: target.awsExternalId ?? "",
        sessionName: `safeguard-scan-${scanRunId.slice(0, 8)}`,
        regions: target.regions.length > 0 ? target.regions : ["us-east-1"],
      },
      { changedSince, signal, stored },
    );
  }
  return collectAzure(
    {
      authorityHost: env.SAFEGUARD_AZURE_AUTHORITY_HOST, armEndpoint: env.SAFEGUARD_AZURE_ARM_ENDPOINT,
      graphEndpoint: env.SAFEGUARD_AZURE_GRAPH_ENDPOINT, keyVaultEndpoint: env.SAFEGUARD_AZURE_KEYVAULT_ENDPOINT,
    },
    {
      tenantId: target.azureTenantId ?? "",
      clientId: target.azureClientId ?? "",
      clientSecret: target.azureClientSecretEnc ? open(target.azureClientSecretEnc) : "",
      subscriptionIds: [target.externalAccountId],
    },
    { changedSince, signal },
  );
}
