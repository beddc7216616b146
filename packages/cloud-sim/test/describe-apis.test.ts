// The describe APIs that serve what AWS Config does not record, through the real SDK clients: RDS parameter
// groups, CloudWatch Logs, CloudWatch alarms, EBS snapshots, DAX, DMS, EMR, CloudTrail event selectors and
// IAM virtual MFA devices. Each lists exactly the estate's live items, pages, and fails in its own protocol.
import { CloudTrailClient, GetEventSelectorsCommand } from "@aws-sdk/client-cloudtrail";
import { CloudWatchClient, DescribeAlarmsCommand } from "@aws-sdk/client-cloudwatch";
import { CloudWatchLogsClient, DescribeMetricFiltersCommand, paginateDescribeLogGroups } from "@aws-sdk/client-cloudwatch-logs";
import { ConfigServiceClient, ListDiscoveredResourcesCommand, SelectResourceConfigCommand, type ResourceType } from "@aws-sdk/client-config-service";
import { DatabaseMigrationServiceClient, DescribeReplicationInstancesCommand } from "@aws-sdk/client-database-migration-service";
import { DAXClient, DescribeClustersCommand } from "@aws-sdk/client-dax";
import { DescribeSnapshotAttributeCommand, EC2Client, paginateDescribeSnapshots } from "@aws-sdk/client-ec2";
import { DescribeClusterCommand, EMRClient, ListClustersCommand, ListInstancesCommand, paginateListClusters } from "@aws-sdk/client-emr";
import { IAMClient, paginateListVirtualMFADevices } from "@aws-sdk/client-iam";
import { DescribeDBParameterGroupsCommand, DescribeDBParametersCommand, RDSClient } from "@aws-sdk/client-rds";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DESCRIBE_ONLY_TYPES } from "../src/estate/aws/describe-only";
import type { AwsAccount, ConfigItem } from "../src/estate/model";
import type { RunningSimulator } from "../src/server";
import { assumedClientConfig, startTestSimulator } from "./helpers";

let sim: RunningSimulator;
let account: AwsAccount;
const REGION = "us-east-1";
beforeAll(async () => {
  sim = await startTestSimulator({ awsAccounts: 2, resourcesPerAccount: 2500 });
  account = sim.state.estate.aws[0]!;
});
afterAll(async () => {
  await sim.stop();
});

const live = (type: string, region = REGION): ConfigItem[] =>
  [...account.items.all()].filter((i) => i.resourceType === type && i.awsRegion === region && i.configurationItemStatus !== "ResourceDeleted");
const config = async () => ({ ...(await assumedClientConfig(sim, 0, REGION)), maxAttempts: 1 });

describe("AWS Config does not serve the describe-only types", () => {
  it("Select, ListDiscoveredResources leave them out while the estate has them", async () => {
    const client = new ConfigServiceClient(await config());
    for (const type of DESCRIBE_ONLY_TYPES) expect(live(type).length, type).toBeGreaterThan(0);
    const types = [...DESCRIBE_ONLY_TYPES].map((t) => `'${t}'`).join(", ");
    const out = await client.send(new SelectResourceConfigCommand({ Expression: `SELECT COUNT(*) WHERE resourceType IN (${types})` }));
    expect(JSON.parse(out.Results?.[0] ?? "{}")).toEqual({ "COUNT(*)": 0 });
    const all = await client.send(new SelectResourceConfigCommand({ Expression: "SELECT resourceType WHERE resourceType LIKE 'AWS::%'", Limit: 100 }));
    expect((all.Results ?? []).map((r) => (JSON.parse(r) as { resourceType: string }).resourceType).filter((t) => DESCRIBE_ONLY_TYPES.has(t))).toEqual([]);
    // Not even in the SDK's ResourceType enum: AWS Config does not record replication instances.
    const listed = await client.send(new ListDiscoveredResourcesCommand({ resourceType: "AWS::DMS::ReplicationInstance" as ResourceType }));
    expect(listed.resourceIdentifiers).toEqual([]);
  });
});

describe("RDS parameter groups (query protocol)", () => {
  it("lists the region's groups and pages their parameters with Marker", async () => {
    const rds = new RDSClient(await config());
    const groups = (await rds.send(new DescribeDBParameterGroupsCommand({}))).DBParameterGroups ?? [];
    expect(groups.map((g) => g.DBParameterGroupName).sort()).toEqual(live("AWS::RDS::DBParameterGroup").map((i) => i.resourceId).sort());
    const item = live("AWS::RDS::DBParameterGroup")[0]!;
    expect(groups.find((g) => g.DBParameterGroupName === item.resourceId)).toMatchObject({ DBParameterGroupFamily: item.configuration.dBParameterGroupFamily, DBParameterGroupArn: item.arn });
    const params: { ParameterName?: string; ParameterValue?: string; Source?: string }[] = [];
    let Marker: string | undefined;
    let pages = 0;
    do {
      const out = await rds.send(new DescribeDBParametersCommand({ DBParameterGroupName: item.resourceId, MaxRecords: 20, Marker }));
      expect((out.Parameters ?? []).length).toBeLessThanOrEqual(20);
      params.push(...(out.Parameters ?? []));
      Marker = out.Marker;
      pages++;
    } while (Marker);
    expect(pages).toBeGreaterThan(1);
    expect(new Set(params.map((p) => p.ParameterName)).size).toBe(params.length);
    const withValue = params.filter((p) => p.ParameterValue !== undefined).map((p) => ({ parameterName: p.ParameterName, parameterValue: p.ParameterValue, source: p.Source }));
    expect(withValue).toEqual(item.configuration.parameters);
  });

  it("answers an unknown group with DBParameterGroupNotFound in the query error envelope", async () => {
    const rds = new RDSClient(await config());
    await expect(rds.send(new DescribeDBParametersCommand({ DBParameterGroupName: "no-such-group" }))).rejects.toMatchObject({ name: "DBParameterGroupNotFoundFault", $metadata: { httpStatusCode: 404 } });
    await expect(rds.send(new DescribeDBParametersCommand({ DBParameterGroupName: "x", MaxRecords: 5 }))).rejects.toMatchObject({ Code: "InvalidParameterValue" });
  });
});

describe("CloudWatch Logs and CloudWatch (JSON 1.1 / JSON 1.0 query-compatible)", () => {
  it("pages log groups with nextToken, exactly the estate's", async () => {
    const logs = new CloudWatchLogsClient(await config());
    const seen: Record<string, unknown>[] = [];
    let pages = 0;
    for await (const page of paginateDescribeLogGroups({ client: logs, pageSize: 3 }, {})) {
      pages++;
      seen.push(...((page.logGroups ?? []) as Record<string, unknown>[]));
    }
    const expected = live("AWS::Logs::LogGroup");
    expect(pages).toBe(Math.ceil(expected.length / 3));
    expect(seen.map(({ storedBytes: _bytes, ...rest }) => rest)).toEqual(expected.map((i) => i.configuration));
  });

  it("serves metric filters and alarms from the region's facts", async () => {
    const logs = new CloudWatchLogsClient(await config());
    const filters = (await logs.send(new DescribeMetricFiltersCommand({}))).metricFilters ?? [];
    expect(filters.map(({ creationTime: _t, ...f }) => f)).toEqual(account.facts.regions[REGION]!.metricFilters);
    const cw = new CloudWatchClient(await config());
    const first = await cw.send(new DescribeAlarmsCommand({ MaxRecords: 1 }));
    expect(first.MetricAlarms).toHaveLength(1);
    expect(first.NextToken).toBeTruthy();
    const rest = await cw.send(new DescribeAlarmsCommand({ NextToken: first.NextToken }));
    const names = [...(first.MetricAlarms ?? []), ...(rest.MetricAlarms ?? [])].map((a) => a.AlarmName);
    expect(names).toEqual(account.facts.regions[REGION]!.alarms.map((a) => a.AlarmName));
    expect(rest.MetricAlarms?.[0]).toMatchObject({ ActionsEnabled: expect.any(Boolean), AlarmActions: expect.any(Array), StateUpdatedTimestamp: expect.any(Date) });
  });

  it("fails CloudWatch calls with the query-compatible code the SDK exposes", async () => {
    const cw = new CloudWatchClient(await config());
    await expect(cw.send(new DescribeAlarmsCommand({ NextToken: "bogus" }))).rejects.toMatchObject({ name: "InvalidNextToken", Code: "InvalidNextToken", $metadata: { httpStatusCode: 400 } });
  });
});

describe("EBS snapshots (EC2 query protocol)", () => {
  it("pages the account's own snapshots and reads createVolumePermission", async () => {
    const ec2 = new EC2Client(await config());
    const ids: string[] = [];
    let pages = 0;
    for await (const page of paginateDescribeSnapshots({ client: ec2, pageSize: 5 }, { OwnerIds: ["self"] })) {
      pages++;
      for (const s of page.Snapshots ?? []) ids.push(s.SnapshotId!);
    }
    const expected = live("AWS::EC2::Snapshot");
    expect(pages).toBeGreaterThanOrEqual(Math.ceil(expected.length / 5));
    expect(ids).toEqual(expected.map((i) => i.resourceId));
    const pub = expected.find((i) => (i.configuration.createVolumePermissions as unknown[]).length > 0)!;
    const attr = await ec2.send(new DescribeSnapshotAttributeCommand({ SnapshotId: pub.resourceId, Attribute: "createVolumePermission" }));
    expect(attr.CreateVolumePermissions?.map((p) => ({ ...(p.Group ? { group: p.Group } : {}), ...(p.UserId ? { userId: p.UserId } : {}) }))).toEqual(pub.configuration.createVolumePermissions);
    await expect(ec2.send(new DescribeSnapshotAttributeCommand({ SnapshotId: "snap-0000", Attribute: "createVolumePermission" }))).rejects.toMatchObject({ name: "InvalidSnapshot.NotFound" });
  });
});

describe("DAX, DMS and EMR (JSON 1.1)", () => {
  it("describe the estate's clusters and replication instances", async () => {
    const dax = new DAXClient(await config());
    const clusters = (await dax.send(new DescribeClustersCommand({}))).Clusters ?? [];
    expect(clusters.map((c) => c.ClusterName)).toEqual(live("AWS::DAX::Cluster").map((i) => i.resourceId));
    expect(clusters[0]?.Nodes?.[0]?.NodeCreateTime).toBeInstanceOf(Date);
    const dms = new DatabaseMigrationServiceClient(await config());
    const instances = (await dms.send(new DescribeReplicationInstancesCommand({ MaxRecords: 20 }))).ReplicationInstances ?? [];
    expect(instances.map((r) => r.ReplicationInstanceArn)).toEqual(live("AWS::DMS::ReplicationInstance").map((i) => i.arn));
    await expect(dms.send(new DescribeReplicationInstancesCommand({ MaxRecords: 5 }))).rejects.toMatchObject({ name: "InvalidParameterValueException" });
  });

  it("lists active EMR clusters in pages of 50, describes one and lists its master", async () => {
    const emr = new EMRClient(await config());
    const ids: string[] = [];
    for await (const page of paginateListClusters({ client: emr }, { ClusterStates: ["WAITING", "RUNNING"] })) for (const c of page.Clusters ?? []) ids.push(c.Id!);
    const expected = live("AWS::EMR::Cluster");
    expect(ids).toEqual(expected.map((i) => i.resourceId));
    const item = expected[0]!;
    const cluster = (await emr.send(new DescribeClusterCommand({ ClusterId: item.resourceId }))).Cluster;
    expect(cluster).toMatchObject({ Id: item.resourceId, ClusterArn: item.arn, Ec2InstanceAttributes: { Ec2SubnetId: (item.configuration.Ec2InstanceAttributes as { Ec2SubnetId: string }).Ec2SubnetId } });
    expect(cluster?.Status?.Timeline?.CreationDateTime).toBeInstanceOf(Date);
    const masters = (await emr.send(new ListInstancesCommand({ ClusterId: item.resourceId, InstanceGroupTypes: ["MASTER"] }))).Instances ?? [];
    expect(masters.map((m) => m.Ec2InstanceId)).toEqual((item.configuration.masterInstances as { Ec2InstanceId: string }[]).map((m) => m.Ec2InstanceId));
    await expect(emr.send(new DescribeClusterCommand({ ClusterId: "j-NOPE" }))).rejects.toMatchObject({ name: "InvalidRequestException" });
  });
});

describe("EMR ListClusters paging", () => {
  it("pages more than 50 clusters with Marker, each exactly once, and a bad Marker is refused", async () => {
    for (let i = 0; i < 55; i++) sim.drift({ op: "add", resourceType: "AWS::EMR::Cluster", account: account.accountId });
    const emr = new EMRClient(await config());
    const ids: string[] = [];
    let pages = 0;
    for await (const page of paginateListClusters({ client: emr }, {})) {
      pages++;
      expect((page.Clusters ?? []).length).toBeLessThanOrEqual(50);
      for (const c of page.Clusters ?? []) ids.push(c.Id!);
    }
    expect(pages).toBe(Math.ceil(live("AWS::EMR::Cluster").length / 50));
    expect(ids).toEqual(live("AWS::EMR::Cluster").map((i) => i.resourceId));
    await expect(emr.send(new ListClustersCommand({ Marker: "not-a-marker" }))).rejects.toMatchObject({ name: "InvalidRequestException" });
  });
});

describe("CloudTrail event selectors and IAM virtual MFA devices", () => {
  it("returns the selectors in use per trail", async () => {
    const ct = new CloudTrailClient(await config());
    const trail = live("AWS::CloudTrail::Trail").find((t) => t.resourceId === "organization-audit")!;
    const out = await ct.send(new GetEventSelectorsCommand({ TrailName: trail.arn }));
    const expected = account.facts.trailEventSelectors[trail.arn]!;
    expect(out.TrailARN).toBe(trail.arn);
    expect(out.AdvancedEventSelectors ?? []).toEqual(expected.AdvancedEventSelectors);
    expect(out.EventSelectors ?? []).toEqual(expected.EventSelectors);
  });

  it("pages virtual MFA devices with Marker", async () => {
    const iam = new IAMClient(await config());
    const serials: string[] = [];
    for await (const page of paginateListVirtualMFADevices({ client: iam, pageSize: 2 }, {})) for (const d of page.VirtualMFADevices ?? []) serials.push(d.SerialNumber!);
    expect(serials.length).toBeGreaterThan(2);
    expect(serials).toEqual(account.facts.virtualMfaDevices.map((d) => d.SerialNumber));
  });
});

describe("faults apply to the describe APIs like to the rest", () => {
  it("throttles (the SDK backs off and succeeds), then fails with a 5xx when told to", async () => {
    sim.setFaults({ api: "dax:DescribeClusters", throttleCount: 2 });
    sim.setFaults({ api: "elasticmapreduce:ListClusters", errorCount: 1 });
    try {
      const dax = new DAXClient({ ...(await config()), maxAttempts: 4 });
      expect((await dax.send(new DescribeClustersCommand({}))).Clusters?.length).toBeGreaterThan(0);
      const emr = new EMRClient(await config());
      await expect(emr.send(new ListClustersCommand({}))).rejects.toMatchObject({ name: "InternalFailure", $metadata: { httpStatusCode: 500 } });
      expect((await emr.send(new ListClustersCommand({}))).Clusters?.length).toBeGreaterThan(0);
    } finally {
      sim.clearFaults();
    }
  });
});
