import {
  BatchGetResourceConfigCommand, ConfigServiceClient, DescribeConfigurationRecordersCommand, DescribeConfigurationRecorderStatusCommand,
  ListDiscoveredResourcesCommand, SelectResourceConfigCommand,
} from "@aws-sdk/client-config-service";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../src/server";
import { assumedClientConfig, platformClientConfig, startTestSimulator } from "./helpers";

let sim: RunningSimulator;
let config: ConfigServiceClient;
beforeAll(async () => {
  sim = await startTestSimulator({ awsAccounts: 2, resourcesPerAccount: 2500 });
  config = new ConfigServiceClient({ ...(await assumedClientConfig(sim, 0)), maxAttempts: 4 });
});
afterAll(async () => { await sim.stop(); });

async function selectAll(client: ConfigServiceClient, Expression: string): Promise<{ rows: Record<string, unknown>[]; pages: number }> {
  const rows: Record<string, unknown>[] = [];
  let NextToken: string | undefined;
  let pages = 0;
  do {
    const out = await client.send(new SelectResourceConfigCommand({ Expression, Limit: 100, NextToken }));
    pages++;
    expect(out.Results?.length ?? 0).toBeLessThanOrEqual(100);
    for (const r of out.Results ?? []) rows.push(JSON.parse(r) as Record<string, unknown>);
    NextToken = out.NextToken;
  } while (NextToken);
  return { rows, pages };
}

const TYPES = "resourceType IN ('AWS::EC2::Volume', 'AWS::EC2::Instance', 'AWS::S3::Bucket', 'AWS::IAM::User')";

describe("SelectResourceConfig through the real ConfigServiceClient", () => {
  it("pages through every row exactly once, matching COUNT(*)", async () => {
    const { rows, pages } = await selectAll(config, `SELECT resourceId, resourceType, arn, tags, configuration.encrypted WHERE ${TYPES}`);
    const count = await config.send(new SelectResourceConfigCommand({ Expression: `SELECT COUNT(*) WHERE ${TYPES}` }));
    const total = (JSON.parse(count.Results?.[0] ?? "{}") as Record<string, number>)["COUNT(*)"];
    expect(rows.length).toBe(total);
    expect(pages).toBe(Math.ceil((total as number) / 100));
    expect(new Set(rows.map((r) => r.arn)).size).toBe(rows.length);
    const volume = rows.find((r) => r.resourceType === "AWS::EC2::Volume") as { configuration: { encrypted: boolean }; tags: unknown[] };
    expect(Object.keys(volume.configuration)).toEqual(["encrypted"]);
    expect(volume.tags[0]).toEqual({ key: expect.any(String), value: expect.any(String) });
    expect(rows.some((r) => r.resourceType === "AWS::IAM::User")).toBe(true);
  });

  it("counts per resource type with GROUP BY, agreeing with the rows", async () => {
    const { rows } = await selectAll(config, `SELECT resourceType WHERE ${TYPES}`);
    const out = await config.send(new SelectResourceConfigCommand({ Expression: `SELECT resourceType, COUNT(*) WHERE ${TYPES} GROUP BY resourceType` }));
    const counts = Object.fromEntries((out.Results ?? []).map((r) => JSON.parse(r) as { resourceType: string; "COUNT(*)": number }).map((r) => [r.resourceType, r["COUNT(*)"]]));
    const expected: Record<string, number> = {};
    for (const r of rows as Array<{ resourceType: string }>) expected[r.resourceType] = (expected[r.resourceType] ?? 0) + 1;
    expect(counts).toEqual(expected);
    expect(Object.keys(counts).length).toBeGreaterThan(1);
    expect(out.QueryInfo?.SelectFields).toEqual([{ Name: "resourceType" }, { Name: "COUNT(*)" }]);
  });

  it("returns only the selected nested fields and QueryInfo.SelectFields", async () => {
    const out = await config.send(new SelectResourceConfigCommand({ Expression: "SELECT resourceId, configuration.ipPermissions.fromPort WHERE resourceType = 'AWS::EC2::SecurityGroup' AND configuration.groupName LIKE 'ehr%'", Limit: 5 }));
    expect(out.QueryInfo?.SelectFields).toEqual([{ Name: "resourceId" }, { Name: "configuration.ipPermissions.fromPort" }]);
    for (const r of out.Results ?? []) {
      const row = JSON.parse(r) as { configuration?: { ipPermissions: Record<string, unknown>[] } };
      for (const p of row.configuration?.ipPermissions ?? []) expect(Object.keys(p).every((k) => k === "fromPort")).toBe(true);
    }
  });

  it("filters on configurationItemCaptureTime so only drifted items come back", async () => {
    const since = new Date(Date.now() - 1).toISOString();
    const first = await config.send(new SelectResourceConfigCommand({ Expression: "SELECT resourceId WHERE resourceType = 'AWS::S3::Bucket'", Limit: 1 }));
    const bucket = (JSON.parse(first.Results?.[0] ?? "{}") as { resourceId: string }).resourceId;
    const [change] = sim.drift({ op: "make-bucket-public", account: sim.estate.aws[0]?.accountId, bucket });
    const { rows } = await selectAll(config, `SELECT arn, configurationItemCaptureTime WHERE resourceType = 'AWS::S3::Bucket' AND configurationItemCaptureTime > '${since}'`);
    expect(rows.map((r) => r.arn)).toEqual([change?.nativeId]);
  });

  it("answers malformed SQL, oversized limits and foreign tokens with Config's exceptions", async () => {
    await expect(config.send(new SelectResourceConfigCommand({ Expression: "SELECT FROM WHERE" }))).rejects.toMatchObject({ name: "InvalidExpressionException" });
    await expect(config.send(new SelectResourceConfigCommand({ Expression: "SELECT resourceId FROM x" }))).rejects.toMatchObject({ name: "InvalidExpressionException" });
    await expect(config.send(new SelectResourceConfigCommand({ Expression: "SELECT resourceId", Limit: 101 }))).rejects.toMatchObject({ name: "InvalidLimitException" });
    await expect(config.send(new SelectResourceConfigCommand({ Expression: "SELECT resourceId", NextToken: "bm9wZQ" }))).rejects.toMatchObject({ name: "InvalidNextTokenException" });
  });

  it("retries throttling and 5xx inside the SDK", async () => {
    sim.setFaults({ api: "config:SelectResourceConfig", throttleCount: 2 });
    const out = await config.send(new SelectResourceConfigCommand({ Expression: "SELECT resourceId WHERE resourceType = 'AWS::KMS::Key'", Limit: 10 }));
    expect(out.$metadata.attempts).toBe(3);
    sim.setFaults({ api: "*", errorCount: 1 });
    const again = await config.send(new DescribeConfigurationRecordersCommand({}));
    expect(again.$metadata.attempts).toBe(2);
    sim.clearFaults();
  });
});

describe("ListDiscoveredResources and BatchGetResourceConfig", () => {
  it("pages ListDiscoveredResources at 100 and reports deletions when asked", async () => {
    const ids: string[] = [];
    let nextToken: string | undefined;
    do {
      const out = await config.send(new ListDiscoveredResourcesCommand({ resourceType: "AWS::EC2::Volume", nextToken }));
      expect(out.resourceIdentifiers?.length ?? 0).toBeLessThanOrEqual(100);
      ids.push(...(out.resourceIdentifiers ?? []).map((r) => r.resourceId as string));
      nextToken = out.nextToken;
    } while (nextToken);
    expect(ids.length).toBeGreaterThan(100);
    const volume = sim.state.estate.aws[0]?.items.get("us-east-1", "AWS::EC2::Volume", ids[0] as string);
    sim.drift({ op: "delete", nativeId: volume?.arn as string });
    const live = await config.send(new ListDiscoveredResourcesCommand({ resourceType: "AWS::EC2::Volume", resourceIds: [ids[0] as string] }));
    expect(live.resourceIdentifiers).toEqual([]);
    const withDeleted = await config.send(new ListDiscoveredResourcesCommand({ resourceType: "AWS::EC2::Volume", resourceIds: [ids[0] as string], includeDeletedResources: true }));
    expect(withDeleted.resourceIdentifiers?.[0]?.resourceDeletionTime).toBeInstanceOf(Date);
  });

  it("returns configuration as JSON strings, no tags, and refuses more than 100 keys", async () => {
    const page = await config.send(new ListDiscoveredResourcesCommand({ resourceType: "AWS::S3::Bucket", limit: 3 }));
    const keys = (page.resourceIdentifiers ?? []).map((r) => ({ resourceType: "AWS::S3::Bucket" as const, resourceId: r.resourceId as string }));
    const out = await config.send(new BatchGetResourceConfigCommand({ resourceKeys: keys }));
    expect(out.baseConfigurationItems).toHaveLength(3);
    const item = out.baseConfigurationItems?.[0];
    expect(typeof item?.configuration).toBe("string");
    expect(JSON.parse(item?.supplementaryConfiguration?.BucketVersioningConfiguration as string)).toHaveProperty("status");
    expect(item).not.toHaveProperty("tags");
    expect(item?.configurationItemCaptureTime).toBeInstanceOf(Date);
    const tooMany = Array.from({ length: 101 }, () => keys[0] as (typeof keys)[number]);
    await expect(config.send(new BatchGetResourceConfigCommand({ resourceKeys: tooMany }))).rejects.toMatchObject({ name: "ValidationException" });
  });
});

describe("recorders, regions and identities", () => {
  it("serves nothing from a region without a recorder, as AWS Config does", async () => {
    const account = sim.state.estate.aws.find((a) => a.facts.regions["eu-west-1"]?.recorder === null);
    const index = sim.state.estate.aws.indexOf(account as (typeof sim.state.estate.aws)[number]);
    const regional = new ConfigServiceClient(await assumedClientConfig(sim, index, "eu-west-1"));
    expect((await regional.send(new DescribeConfigurationRecordersCommand({}))).ConfigurationRecorders).toEqual([]);
    expect((await regional.send(new DescribeConfigurationRecorderStatusCommand({}))).ConfigurationRecordersStatus).toEqual([]);
    expect((await regional.send(new SelectResourceConfigCommand({ Expression: "SELECT resourceId" }))).Results).toEqual([]);
  });

  it("reports the home recorder with global types", async () => {
    const out = await config.send(new DescribeConfigurationRecordersCommand({}));
    expect(out.ConfigurationRecorders?.[0]).toMatchObject({ name: "default", recordingGroup: { allSupported: true, includeGlobalResourceTypes: true } });
  });

  it("denies account data to the platform principal itself", async () => {
    const platform = new ConfigServiceClient(platformClientConfig(sim));
    await expect(platform.send(new SelectResourceConfigCommand({ Expression: "SELECT resourceId" }))).rejects.toMatchObject({ name: "AccessDeniedException" });
  });

  it("rejects bad signatures, unknown keys and unknown operations in JSON protocol shapes", async () => {
    const creds = (await assumedClientConfig(sim, 0)).credentials;
    const badSig = new ConfigServiceClient({ ...platformClientConfig(sim), credentials: { ...creds, secretAccessKey: "not-it" } });
    await expect(badSig.send(new DescribeConfigurationRecordersCommand({}))).rejects.toMatchObject({ name: "InvalidSignatureException" });
    const unknown = new ConfigServiceClient({ ...platformClientConfig(sim), credentials: { accessKeyId: "ASIAUNKNOWNUNKNOWN00", secretAccessKey: "x", sessionToken: "y" } });
    await expect(unknown.send(new DescribeConfigurationRecordersCommand({}))).rejects.toMatchObject({ name: "UnrecognizedClientException" });
    const renamed = new ConfigServiceClient(await assumedClientConfig(sim, 0));
    renamed.middlewareStack.add((next) => async (args) => {
      (args.request as { headers: Record<string, string> }).headers["x-amz-target"] = "StarlingDoveService.DropEverything";
      return next(args);
    }, { step: "build" });
    await expect(renamed.send(new DescribeConfigurationRecordersCommand({}))).rejects.toMatchObject({ name: "UnknownOperationException", $metadata: { httpStatusCode: 400 } });
  });
});
