// Simulator plumbing for collector tests: the real SDK clients, pointed at the simulator by configuration.
import { startSimulator, type RunningSimulator } from "@safeguard/cloud-sim/server";
import type { EstateOptions } from "@safeguard/cloud-sim/estate/generate";
import type { AwsConnection } from "../src/aws/clients";
import type { AwsAccountTarget } from "../src/aws/collect-aws";
import type { AzureConnection, AzureTarget } from "../src/azure/collect-azure";
import type { CollectEvent } from "../src/source";

export function startTestSimulator(estate: EstateOptions = {}): Promise<RunningSimulator> {
  return startSimulator({ port: 0, httpsPort: 0, estate: { seed: "collectors", awsAccounts: 1, azureSubscriptions: 1, resourcesPerAccount: 300, referenceTime: "2026-11-01T00:00:00.000Z", ...estate } });
}

export function awsConnection(sim: RunningSimulator): AwsConnection {
  return { endpoint: sim.url, platformCredentials: { accessKeyId: sim.estate.platform.accessKeyId, secretAccessKey: sim.estate.platform.secretAccessKey }, maxAttempts: 6 };
}

export function awsTarget(sim: RunningSimulator, index = 0): AwsAccountTarget {
  const d = sim.estate.aws[index]!;
  const a = sim.state.estate.aws[index]!;
  return { accountId: d.accountId, roleArn: d.roleArn, externalId: d.externalId, sessionName: "safeguard-test", regions: a.regions };
}

/** Entra, ARM, Graph and the Key Vault data plane all at the simulator's HTTPS listener (vaults under /keyvault/{host}). */
export function azureConnection(sim: RunningSimulator): AzureConnection {
  const url = sim.httpsUrl as string;
  return { authorityHost: url, armEndpoint: url, graphEndpoint: url, keyVaultEndpoint: `${url}/keyvault` };
}

export function azureTarget(sim: RunningSimulator, options: { secret?: string; subscription?: number } = {}): AzureTarget {
  const az = sim.estate.azure;
  return { tenantId: az.tenantId, clientId: az.clientId, clientSecret: options.secret ?? az.clientSecret, subscriptionIds: [az.subscriptions[options.subscription ?? 0]!.subscriptionId] };
}

export async function drain(gen: AsyncIterable<CollectEvent>): Promise<CollectEvent[]> {
  const out: CollectEvent[] = [];
  for await (const e of gen) out.push(e);
  return out;
}

export const snapshotsOf = (events: CollectEvent[]) => events.flatMap((e) => (e.kind === "snapshots" ? e.snapshots : []));
export const coverageOf = (events: CollectEvent[]) => events.filter((e): e is Extract<CollectEvent, { kind: "coverage" }> => e.kind === "coverage");
