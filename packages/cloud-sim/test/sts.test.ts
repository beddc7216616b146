import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../src/server";
import { assumedClientConfig, platformClientConfig, startTestSimulator } from "./helpers";

let sim: RunningSimulator;
beforeAll(async () => { sim = await startTestSimulator(); });
afterAll(async () => { await sim.stop(); });

describe("STS AssumeRole through the real SDK", () => {
  it("returns session credentials scoped to the role's account with the right external id", async () => {
    const account = sim.estate.aws[1];
    const sts = new STSClient(platformClientConfig(sim));
    const out = await sts.send(new AssumeRoleCommand({ RoleArn: account?.roleArn, RoleSessionName: "scan-1", ExternalId: account?.externalId }));
    expect(out.Credentials?.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(out.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${account?.accountId}:assumed-role/SafeguardAudit/scan-1`);
    const who = await new STSClient(await assumedClientConfig(sim, 1)).send(new GetCallerIdentityCommand({}));
    expect(who.Account).toBe(account?.accountId);
  });

  it.each([
    ["a wrong", "sg-ext-not-the-right-one"],
    ["a missing", undefined],
  ])("denies %s external id with AWS's AccessDenied wording", async (_label, externalId) => {
    const account = sim.estate.aws[0];
    const sts = new STSClient(platformClientConfig(sim));
    const err = await sts.send(new AssumeRoleCommand({ RoleArn: account?.roleArn, RoleSessionName: "scan-1", ExternalId: externalId })).catch((e: unknown) => e);
    expect(err).toMatchObject({
      name: "AccessDenied",
      message: `User: ${sim.estate.platform.arn} is not authorized to perform: sts:AssumeRole on resource: ${account?.roleArn}`,
      $metadata: { httpStatusCode: 403 },
    });
  });

  it("rejects a bad signature and an unknown key with the query protocol's error codes", async () => {
    const badSecret = new STSClient({ ...platformClientConfig(sim), credentials: { accessKeyId: sim.estate.platform.accessKeyId, secretAccessKey: "wrong" } });
    await expect(badSecret.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({ name: "SignatureDoesNotMatch", $metadata: { httpStatusCode: 403 } });
    const unknown = new STSClient({ ...platformClientConfig(sim), credentials: { accessKeyId: "AKIAUNKNOWNUNKNOWN00", secretAccessKey: "x" } });
    await expect(unknown.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({ name: "InvalidClientTokenId" });
  });

  it("is reached through the SDK's default chain: AWS_ENDPOINT_URL and AWS_ACCESS_KEY_ID/SECRET only", async () => {
    const saved = { ...process.env };
    Object.assign(process.env, { AWS_ENDPOINT_URL: sim.url, AWS_ACCESS_KEY_ID: sim.estate.platform.accessKeyId, AWS_SECRET_ACCESS_KEY: sim.estate.platform.secretAccessKey, AWS_REGION: "us-east-1" });
    try {
      const who = await new STSClient({}).send(new GetCallerIdentityCommand({}));
      expect(who.Arn).toBe(sim.estate.platform.arn);
    } finally {
      for (const k of ["AWS_ENDPOINT_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION"]) {
        if (saved[k] === undefined) delete process.env[k];
        else process.env[k] = saved[k];
      }
    }
  });

  it("answers an unknown action with InvalidAction in the query protocol's envelope", async () => {
    const sts = new STSClient(platformClientConfig(sim));
    sts.middlewareStack.add((next) => async (args) => {
      // Same length: content-length is already set when this step runs.
      const request = args.request as { body: string };
      request.body = String(request.body).replace("Action=GetCallerIdentity", "Action=GetCallerIdentitx");
      return next(args);
    }, { step: "build" });
    await expect(sts.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({ name: "InvalidAction", $metadata: { httpStatusCode: 400 } });
  });

  it("does not let an assumed session chain into another account's role", async () => {
    const sts = new STSClient(await assumedClientConfig(sim, 0));
    const other = sim.estate.aws[1];
    await expect(sts.send(new AssumeRoleCommand({ RoleArn: other?.roleArn, RoleSessionName: "x1", ExternalId: other?.externalId }))).rejects.toMatchObject({ name: "AccessDenied" });
  });
});
