// The deterministic estate generator: same options (seed, counts, share, reference day) -> same estate.
import { buildAwsAccount } from "./aws/account";
import { buildEntraDirectory } from "./azure/entra";
import { buildAzureSubscription } from "./azure/subscription";
import type { Estate } from "./model";
import { createRng } from "./random";

export interface EstateOptions {
  seed?: string | number;
  awsAccounts?: number;
  azureSubscriptions?: number;
  /** Resources per AWS account and per Azure subscription (the skeleton counts towards it). */
  resourcesPerAccount?: number;
  /** Share of resources (past the first few of each type) that are misconfigured, 0..1. */
  misconfiguredShare?: number;
  /** Times in the estate are relative to this instant; defaults to today's UTC midnight, so a seed is stable for a day. */
  referenceTime?: string;
  /** The platform principal every audit role trusts. */
  platformPrincipalArn?: string;
}

export const DEFAULT_PLATFORM_ACCOUNT_ID = "123456789012";
export const DEFAULT_PLATFORM_PRINCIPAL_ARN = `arn:aws:iam::${DEFAULT_PLATFORM_ACCOUNT_ID}:user/safeguard-platform`;

function todayUtc(): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())).toISOString();
}

export function generateEstate(options: EstateOptions = {}): Estate {
  const seed = String(options.seed ?? "safeguard");
  const referenceTime = options.referenceTime ?? todayUtc();
  const referenceMs = Date.parse(referenceTime);
  const share = Math.min(1, Math.max(0, options.misconfiguredShare ?? 0.2));
  const perAccount = Math.max(1, options.resourcesPerAccount ?? 250);
  const platformPrincipalArn = options.platformPrincipalArn ?? DEFAULT_PLATFORM_PRINCIPAL_ARN;
  const root = createRng(seed);
  const ids = root.fork("account-ids");
  const usedIds = new Set<string>([platformPrincipalArn.split(":")[4] ?? ""]);

  const aws = Array.from({ length: options.awsAccounts ?? 2 }, (_, index) => {
    let accountId = ids.digits(12);
    while (usedIds.has(accountId)) accountId = ids.digits(12);
    usedIds.add(accountId);
    const rng = root.fork(`aws-${index}`);
    return buildAwsAccount(rng, { index, accountId, resources: perAccount, share, referenceMs, platformPrincipalArn, externalId: `sg-ext-${rng.hex(24)}` });
  });

  const tenantRng = root.fork("azure-tenant");
  const guid = () => {
    const h = tenantRng.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
  };
  const tenantId = guid(), clientId = guid(), clientSecret = `sim~${tenantRng.hex(36)}`;
  // Its own rng (not a fork of root, which would shift every later draw): the directory came after the rest.
  const directory = buildEntraDirectory(createRng(`${seed}/entra`), { domain: "contoso-health.example", flawed: share > 0, referenceMs });
  const azureTenant = { tenantId, clientId, clientSecret, directory };
  const azure = Array.from({ length: options.azureSubscriptions ?? 1 }, (_, index) =>
    buildAzureSubscription(root.fork(`azure-${index}`), { index, tenantId: azureTenant.tenantId, resources: perAccount, share, referenceMs }),
  );
  return { seed, referenceTime, misconfiguredShare: share, aws, azureTenant, azure };
}
