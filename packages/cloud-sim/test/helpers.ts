// Shared test plumbing: a simulator on free ports and SDK clients pointed at it through configuration only.
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { startSimulator, type RunningSimulator } from "../src/server";
import type { EstateOptions } from "../src/estate/generate";

export const REFERENCE_TIME = "2026-11-01T00:00:00.000Z";

export function startTestSimulator(estate: EstateOptions = {}): Promise<RunningSimulator> {
  return startSimulator({ port: 0, httpsPort: 0, estate: { seed: "test", awsAccounts: 2, azureSubscriptions: 1, resourcesPerAccount: 400, misconfiguredShare: 0.2, referenceTime: REFERENCE_TIME, ...estate } });
}

export function platformClientConfig(sim: RunningSimulator, region = "us-east-1") {
  return {
    region,
    endpoint: sim.url,
    credentials: { accessKeyId: sim.estate.platform.accessKeyId, secretAccessKey: sim.estate.platform.secretAccessKey },
  };
}

/** Assumes an account's audit role the way the worker does and returns client config for that session. */
export async function assumedClientConfig(sim: RunningSimulator, accountIndex = 0, region = "us-east-1") {
  const account = sim.estate.aws[accountIndex];
  if (!account) throw new Error(`no account ${accountIndex}`);
  const sts = new STSClient(platformClientConfig(sim, region));
  const out = await sts.send(new AssumeRoleCommand({ RoleArn: account.roleArn, RoleSessionName: "safeguard-test", ExternalId: account.externalId }));
  const c = out.Credentials;
  if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) throw new Error("AssumeRole returned no credentials");
  return { region, endpoint: sim.url, credentials: { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken } };
}
