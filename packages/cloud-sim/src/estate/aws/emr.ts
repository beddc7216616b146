// Amazon EMR clusters. AWS Config does not record them; the simulator serves them through EMR's own API
// (ListClusters, DescribeCluster, ListInstances). The configuration is what the collector builds: the
// DescribeCluster `Cluster` without NormalizedInstanceHours (it grows every hour), plus `masterInstances`.
import type { AwsTypeSpec } from "./context";
import { isoDaysAgo, network, systemName, tagsFor, uniqueName } from "./context";

const APPS = [[{ Name: "Spark", Version: "3.5.1" }, { Name: "Hadoop", Version: "3.3.6" }], [{ Name: "Hive", Version: "3.1.3" }, { Name: "Hadoop", Version: "3.3.6" }], [{ Name: "Presto", Version: "0.287" }]];

const tagList = (tags: Record<string, string>) => Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));

export const emrClusterSpec: AwsTypeSpec = {
  type: "AWS::EMR::Cluster",
  flaws: ["public-master"],
  weight: 0.1,
  build(ctx, flaws) {
    const id = `j-${ctx.rng.hex(13).toUpperCase()}`;
    const name = uniqueName(ctx, "emr", () => `${systemName(ctx)}-etl`);
    const arn = `arn:aws:elasticmapreduce:${ctx.region}:${ctx.accountId}:cluster/${id}`;
    const net = network(ctx);
    const isPublic = flaws.has("public-master");
    const subnet = ctx.rng.pick(isPublic ? net.publicSubnets : net.privateSubnets);
    const az = net.subnetAz[subnet] ?? `${ctx.region}a`;
    const created = isoDaysAgo(ctx, 1, 120);
    const ready = new Date(Date.parse(created) + 9 * 60_000).toISOString();
    const [a, b, c] = [ctx.rng.int(0, 255), ctx.rng.int(0, 255), ctx.rng.int(1, 254)];
    const privateIp = `10.0.${a}.${c}`;
    const publicIp = isPublic ? `3.${a}.${b}.${c}` : null;
    const privateDns = ctx.region === "us-east-1" ? `ip-10-0-${a}-${c}.ec2.internal` : `ip-10-0-${a}-${c}.${ctx.region}.compute.internal`;
    const publicDns = publicIp ? `ec2-3-${a}-${b}-${c}.compute-1.amazonaws.com` : "";
    const tags = tagsFor(ctx, name, flaws, true);
    const sgs = net.securityGroups;
    return {
      resourceId: id, resourceName: name, arn, availabilityZone: az, createdAt: created,
      configuration: {
        Id: id, Name: name,
        Status: { State: ctx.rng.pick(["WAITING", "RUNNING"]), StateChangeReason: { Message: "Cluster ready to run steps." }, Timeline: { CreationDateTime: created, ReadyDateTime: ready } },
        Ec2InstanceAttributes: {
          Ec2KeyName: "emr-ops", Ec2SubnetId: subnet, RequestedEc2SubnetIds: [subnet], Ec2AvailabilityZone: az, RequestedEc2AvailabilityZones: [],
          IamInstanceProfile: "EMR_EC2_DefaultRole", EmrManagedMasterSecurityGroup: sgs[0], EmrManagedSlaveSecurityGroup: sgs[1] ?? sgs[0],
          AdditionalMasterSecurityGroups: [], AdditionalSlaveSecurityGroups: [],
        },
        InstanceCollectionType: "INSTANCE_GROUP", LogUri: `s3n://aws-logs-${ctx.accountId}-${ctx.region}/elasticmapreduce/`, ReleaseLabel: "emr-7.1.0",
        AutoTerminate: false, TerminationProtected: !isPublic, UnhealthyNodeReplacement: true, VisibleToAllUsers: true, Applications: ctx.rng.pick(APPS),
        Tags: tagList(tags), ServiceRole: "EMR_DefaultRole", MasterPublicDnsName: publicDns || privateDns, Configurations: [],
        ScaleDownBehavior: "TERMINATE_AT_TASK_COMPLETION", ClusterArn: arn, StepConcurrencyLevel: 1, PlacementGroups: [],
        masterInstances: [{
          Id: `ci-${ctx.rng.hex(13).toUpperCase()}`, Ec2InstanceId: `i-${ctx.rng.hex(17)}`,
          ...(publicIp ? { PublicDnsName: publicDns, PublicIpAddress: publicIp } : {}), PrivateDnsName: privateDns, PrivateIpAddress: privateIp,
          Status: { State: "RUNNING", StateChangeReason: {}, Timeline: { CreationDateTime: created, ReadyDateTime: ready } },
          InstanceGroupId: `ig-${ctx.rng.hex(13).toUpperCase()}`, Market: "ON_DEMAND", InstanceType: "m5.xlarge", EbsVolumes: [],
        }],
      },
      tags,
    };
  },
};
