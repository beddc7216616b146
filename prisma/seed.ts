// `npm run db:seed` (and `npm run demo`): the demo organisation with one user per role and, when the
// cloud simulator runs (SIM_URL), its AWS accounts and Azure subscription onboarded exactly as an
// admin would (role ARN + external ID; tenant/client/secret), each with a first scan queued.
import { createCloudAccount } from "@safeguard/core/accounts/create-cloud-account";
import { seedDemoOrganization } from "@safeguard/core/orgs/seed-demo-organization";
import { requestScan } from "@safeguard/core/scans/request-scan";
import { closeDatabase } from "@safeguard/db/pg";
import { withTenant } from "@safeguard/db/tenant";
import { queues } from "@safeguard/jobs/queues";

interface SimEstate {
  aws: Array<{ accountId: string; alias: string; roleArn: string; externalId: string; homeRegion: string; regions?: string[] }>;
  azure: { tenantId: string; clientId: string; clientSecret: string; subscriptions: Array<{ subscriptionId: string; displayName: string }> };
}

const DEMO_REGIONS = ["us-east-1", "us-west-2", "us-east-2"];

async function fetchEstate(simUrl: string): Promise<SimEstate> {
  const response = await fetch(`${simUrl}/_sim/estate`);
  if (!response.ok) throw new Error(`the cloud simulator at ${simUrl} answered ${response.status}`);
  return (await response.json()) as SimEstate;
}

async function onboardSimulatedAccounts(orgId: string, estate: SimEstate): Promise<string[]> {
  const scanRunIds: string[] = [];
  await withTenant(orgId, async (tx) => {
    const existing = new Set((await tx.cloudAccount.findMany({ select: { externalAccountId: true } })).map((a) => a.externalAccountId));
    const created: string[] = [];
    for (const a of estate.aws) {
      if (existing.has(a.accountId)) continue;
      const account = await createCloudAccount({
        tx,
        orgId,
        input: { provider: "AWS", name: `AWS ${a.alias}`, externalAccountId: a.accountId, roleArn: a.roleArn, externalId: a.externalId, regions: a.regions ?? DEMO_REGIONS },
      });
      created.push(account.id);
    }
    for (const s of estate.azure.subscriptions) {
      if (existing.has(s.subscriptionId)) continue;
      const account = await createCloudAccount({
        tx,
        orgId,
        input: { provider: "AZURE", name: `Azure ${s.displayName}`, subscriptionId: s.subscriptionId, tenantId: estate.azure.tenantId, clientId: estate.azure.clientId, clientSecret: estate.azure.clientSecret },
      });
      created.push(account.id);
    }
    for (const accountId of created) {
      const run = await requestScan({ tx, accountId, kind: "FULL", trigger: "ONBOARDING" });
      scanRunIds.push(run.id);
    }
  });
  for (const scanRunId of scanRunIds) await queues().enqueue("scan.account", { scanRunId });
  return scanRunIds;
}

async function main(): Promise<void> {
  const demo = await seedDemoOrganization();
  console.log(`Demo organisation: ${demo.slug}`);
  console.log("  Demo logins (password for all):");
  for (const login of demo.logins) console.log(`    ${login.role.toLowerCase().padEnd(17)} ${login.email.padEnd(40)} ${login.password}`);
  const simUrl = process.env.SIM_URL;
  if (simUrl) {
    const estate = await fetchEstate(simUrl);
    const queued = await onboardSimulatedAccounts(demo.orgId, estate);
    console.log(`  Cloud accounts from the simulator onboarded; ${queued.length} first scan(s) queued.`);
  }
}

try {
  await main();
} catch (error) {
  console.error(`✗ seed failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await closeDatabase();
  if (process.env.SIM_URL) await queues().close();
}
