// EC2 networking and compute: VPCs, subnets, route tables, gateways, NACLs, security groups, flow logs,
// instances and volumes, in the shapes AWS Config records (EC2 Describe* output, camelCase).
import type { Draft, AwsContext, AwsTypeSpec } from "./context";
import { azOf, isoDaysAgo, kmsKeyArn, network, systemName, tagsFor, uniqueName } from "./context";

const tagList = (tags: Record<string, string>) => Object.entries(tags).map(([key, value]) => ({ key, value }));

export function ec2Arn(ctx: AwsContext, kind: string, id: string, region = ctx.region): string {
  return `arn:aws:ec2:${region}:${ctx.accountId}:${kind}/${id}`;
}

export function vpcDraft(ctx: AwsContext, vpcId: string, cidr: string, name: string): Draft {
  const tags = { Name: name, Environment: "prod" };
  return {
    resourceId: vpcId, resourceName: name, arn: ec2Arn(ctx, "vpc", vpcId), availabilityZone: "Multiple Availability Zones",
    configuration: {
      cidrBlock: cidr, dhcpOptionsId: `dopt-${ctx.rng.hex(17)}`, state: "available", vpcId, ownerId: ctx.accountId,
      instanceTenancy: "default", ipv6CidrBlockAssociationSet: [],
      cidrBlockAssociationSet: [{ associationId: `vpc-cidr-assoc-${ctx.rng.hex(17)}`, cidrBlock: cidr, cidrBlockState: { state: "associated" } }],
      isDefault: false, tags: tagList(tags),
    },
    tags,
  };
}

export function subnetDraft(ctx: AwsContext, vpcId: string, subnetId: string, cidr: string, az: string, isPublic: boolean, autoPublicIp: boolean, phi = !isPublic): Draft {
  const name = `${isPublic ? "public" : "private"}-${az}`;
  const tags: Record<string, string> = { Name: name, Tier: isPublic ? "public" : "private" };
  if (phi) tags.DataClassification = "PHI";
  return {
    resourceId: subnetId, resourceName: name, arn: ec2Arn(ctx, "subnet", subnetId), availabilityZone: az,
    configuration: {
      availabilityZone: az, availabilityZoneId: `use1-az${ctx.rng.int(1, 6)}`, availableIpAddressCount: ctx.rng.int(200, 250),
      cidrBlock: cidr, defaultForAz: false, mapPublicIpOnLaunch: autoPublicIp, state: "available", subnetId, vpcId,
      ownerId: ctx.accountId, assignIpv6AddressOnCreation: false, ipv6CidrBlockAssociationSet: [], tags: tagList(tags),
      subnetArn: ec2Arn(ctx, "subnet", subnetId),
    },
    tags,
    relationships: [{ resourceType: "AWS::EC2::VPC", resourceId: vpcId, relationshipName: "Is contained in Vpc" }],
  };
}

export function routeTableDraft(ctx: AwsContext, vpcId: string, cidr: string, subnetIds: string[], igwId: string | null): Draft {
  const id = `rtb-${ctx.rng.hex(17)}`;
  const routes: Record<string, unknown>[] = [{ destinationCidrBlock: cidr, gatewayId: "local", origin: "CreateRouteTable", state: "active" }];
  if (igwId) routes.push({ destinationCidrBlock: "0.0.0.0/0", gatewayId: igwId, origin: "CreateRoute", state: "active" });
  const name = igwId ? "public-routes" : "private-routes";
  const tags = { Name: name };
  return {
    resourceId: id, resourceName: name, arn: ec2Arn(ctx, "route-table", id), availabilityZone: "Not Applicable",
    configuration: {
      associations: [
        ...subnetIds.map((subnetId) => ({ main: false, routeTableAssociationId: `rtbassoc-${ctx.rng.hex(17)}`, routeTableId: id, subnetId, associationState: { state: "associated" } })),
        // The private table is the VPC's main table: subnets without an explicit association use it.
        ...(igwId ? [] : [{ main: true, routeTableAssociationId: `rtbassoc-${ctx.rng.hex(17)}`, routeTableId: id, associationState: { state: "associated" } }]),
      ],
      propagatingVgws: [], routeTableId: id, routes, tags: tagList(tags), vpcId, ownerId: ctx.accountId,
    },
    tags,
    relationships: [
      { resourceType: "AWS::EC2::VPC", resourceId: vpcId, relationshipName: "Is contained in Vpc" },
      ...subnetIds.map((s) => ({ resourceType: "AWS::EC2::Subnet", resourceId: s, relationshipName: "Is associated with Subnet" })),
      ...(igwId ? [{ resourceType: "AWS::EC2::InternetGateway", resourceId: igwId, relationshipName: "Is attached to InternetGateway" }] : []),
    ],
  };
}

export function internetGatewayDraft(ctx: AwsContext, vpcId: string, igwId: string): Draft {
  return {
    resourceId: igwId, resourceName: null, arn: ec2Arn(ctx, "internet-gateway", igwId), availabilityZone: "Not Applicable",
    configuration: { attachments: [{ state: "available", vpcId }], internetGatewayId: igwId, ownerId: ctx.accountId, tags: [] },
    relationships: [{ resourceType: "AWS::EC2::VPC", resourceId: vpcId, relationshipName: "Is attached to Vpc" }],
  };
}

type Permission = Record<string, unknown>;
function rule(protocol: string, from: number | undefined, to: number | undefined, cidrs: string[], groupIds: string[] = []): Permission {
  return {
    ...(from === undefined ? {} : { fromPort: from }), ipProtocol: protocol, ipv6Ranges: [], prefixListIds: [],
    ...(to === undefined ? {} : { toPort: to }),
    userIdGroupPairs: groupIds.map((groupId) => ({ groupId, userId: "" })),
    ipv4Ranges: cidrs.map((cidrIp) => ({ cidrIp })), ipRanges: cidrs,
  };
}
const ALL_EGRESS = rule("-1", undefined, undefined, ["0.0.0.0/0"]);

export function securityGroupDraft(ctx: AwsContext, vpcId: string, groupId: string, groupName: string, description: string, ingress: Permission[], egress: Permission[]): Draft {
  const tags: Record<string, string> = groupName === "default" ? {} : { Name: groupName };
  return {
    resourceId: groupId, resourceName: groupName, arn: ec2Arn(ctx, "security-group", groupId), availabilityZone: "Not Applicable",
    configuration: { description, groupName, ipPermissions: ingress, ownerId: ctx.accountId, groupId, ipPermissionsEgress: egress, vpcId, tags: tagList(tags) },
    tags,
    relationships: [{ resourceType: "AWS::EC2::VPC", resourceId: vpcId, relationshipName: "Is contained in Vpc" }],
  };
}

/** The default group of a VPC: AWS creates it allowing all traffic between members; hardened ones are emptied. */
export function defaultSecurityGroupDraft(ctx: AwsContext, vpcId: string, groupId: string, open: boolean): Draft {
  const ingress = open ? [rule("-1", undefined, undefined, [], [groupId])] : [];
  return securityGroupDraft(ctx, vpcId, groupId, "default", "default VPC security group", ingress, open ? [ALL_EGRESS] : []);
}

export function networkAclDraft(ctx: AwsContext, vpcId: string, subnetIds: string[], isDefault: boolean, allowAllFromInternet: boolean): Draft {
  const id = `acl-${ctx.rng.hex(17)}`;
  const entries: Record<string, unknown>[] = allowAllFromInternet
    ? [{ cidrBlock: "0.0.0.0/0", egress: false, protocol: "-1", ruleAction: "allow", ruleNumber: 100 }]
    : [
        { cidrBlock: "0.0.0.0/0", egress: false, protocol: "6", ruleAction: "allow", ruleNumber: 100, portRange: { from: 443, to: 443 } },
        { cidrBlock: "10.0.0.0/8", egress: false, protocol: "6", ruleAction: "allow", ruleNumber: 110, portRange: { from: 1024, to: 65535 } },
      ];
  entries.push(
    { cidrBlock: "0.0.0.0/0", egress: false, protocol: "-1", ruleAction: "deny", ruleNumber: 32767 },
    { cidrBlock: "0.0.0.0/0", egress: true, protocol: "-1", ruleAction: "allow", ruleNumber: 100 },
    { cidrBlock: "0.0.0.0/0", egress: true, protocol: "-1", ruleAction: "deny", ruleNumber: 32767 },
  );
  const name = isDefault ? null : `nacl-${systemName(ctx)}`;
  return {
    resourceId: id, resourceName: name, arn: ec2Arn(ctx, "network-acl", id), availabilityZone: "Not Applicable",
    configuration: {
      associations: subnetIds.map((subnetId) => ({ networkAclAssociationId: `aclassoc-${ctx.rng.hex(17)}`, networkAclId: id, subnetId })),
      entries, isDefault, networkAclId: id, tags: name ? [{ key: "Name", value: name }] : [], vpcId, ownerId: ctx.accountId,
    },
    tags: name ? { Name: name } : {},
    relationships: [{ resourceType: "AWS::EC2::VPC", resourceId: vpcId, relationshipName: "Is attached to Vpc" }],
  };
}

export function flowLogDraft(ctx: AwsContext, vpcId: string, active: boolean): Draft {
  const id = `fl-${ctx.rng.hex(17)}`;
  const logGroupName = `/vpc/flow-logs/${vpcId}`;
  return {
    resourceId: id, resourceName: null, arn: ec2Arn(ctx, "vpc-flow-log", id), availabilityZone: "Not Applicable",
    configuration: {
      creationTime: isoDaysAgo(ctx, 100, 700), deliverLogsStatus: active ? "SUCCESS" : "FAILED", flowLogId: id,
      flowLogStatus: active ? "ACTIVE" : "INACTIVE", logGroupName, resourceId: vpcId, trafficType: "ALL",
      logDestinationType: "cloud-watch-logs", logDestination: `arn:aws:logs:${ctx.region}:${ctx.accountId}:log-group:${logGroupName}`,
      deliverLogsPermissionArn: `arn:aws:iam::${ctx.accountId}:role/vpc-flow-logs`,
      logFormat: "${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status}",
      maxAggregationInterval: 600, tags: [],
    },
    relationships: [{ resourceType: "AWS::EC2::VPC", resourceId: vpcId, relationshipName: "Is associated with Vpc" }],
  };
}

const INSTANCE_TYPES = ["t3.medium", "t3.large", "m6i.large", "m6i.xlarge", "c6i.large", "r6i.large"];

export const securityGroupSpec: AwsTypeSpec = {
  type: "AWS::EC2::SecurityGroup",
  flaws: ["ssh-open", "rdp-open", "all-tcp-open"],
  weight: 6,
  build(ctx, flaws) {
    const net = network(ctx);
    const name = uniqueName(ctx, "sg", () => `${systemName(ctx)}-sg`);
    const ingress: Permission[] = [rule("tcp", 443, 443, ["10.0.0.0/8"])];
    if (flaws.has("ssh-open")) ingress.push(rule("tcp", 22, 22, ["0.0.0.0/0"]));
    else if (ctx.rng.chance(0.3)) ingress.push(rule("tcp", 22, 22, ["10.20.0.0/16"]));
    if (flaws.has("rdp-open")) ingress.push(rule("tcp", 3389, 3389, ["0.0.0.0/0"]));
    if (flaws.has("all-tcp-open")) ingress.push(rule("tcp", 0, 65535, ["0.0.0.0/0"]));
    if (ctx.rng.chance(0.4) && net.securityGroups[0]) ingress.push(rule("tcp", 5432, 5432, [], [net.securityGroups[0]]));
    const groupId = `sg-${ctx.rng.hex(17)}`;
    return securityGroupDraft(ctx, net.vpcId, groupId, name, `${name} managed by terraform`, ingress, [ALL_EGRESS]);
  },
};

export const networkAclSpec: AwsTypeSpec = {
  type: "AWS::EC2::NetworkAcl",
  flaws: ["allow-all-inbound"],
  weight: 1,
  build(ctx, flaws) {
    const net = network(ctx);
    return networkAclDraft(ctx, net.vpcId, [ctx.rng.pick(net.privateSubnets)], false, flaws.has("allow-all-inbound"));
  },
};

export const subnetSpec: AwsTypeSpec = {
  type: "AWS::EC2::Subnet",
  flaws: ["auto-public-ip"],
  weight: 1,
  build(ctx, flaws) {
    const net = network(ctx);
    const id = `subnet-${ctx.rng.hex(17)}`;
    const az = azOf(ctx);
    const cidr = `${net.cidr.split(".").slice(0, 2).join(".")}.${ctx.rng.int(64, 250)}.0/24`;
    return subnetDraft(ctx, net.vpcId, id, cidr, az, false, flaws.has("auto-public-ip"));
  },
};

export const instanceSpec: AwsTypeSpec = {
  type: "AWS::EC2::Instance",
  flaws: ["public-ip", "imds-v1", "not-ssm-managed", "missing-patches"],
  weight: 10,
  build(ctx, flaws) {
    const net = network(ctx);
    const isPublic = flaws.has("public-ip");
    const subnetId = ctx.rng.pick(isPublic ? net.publicSubnets : net.privateSubnets);
    const az = net.subnetAz[subnetId] ?? azOf(ctx);
    const id = `i-${ctx.rng.hex(17)}`;
    const name = uniqueName(ctx, "instance", () => `${systemName(ctx)}-${ctx.rng.int(1, 40)}`);
    const privateIp = `${net.cidr.split(".").slice(0, 2).join(".")}.${ctx.rng.int(1, 250)}.${ctx.rng.int(4, 250)}`;
    const publicIp = isPublic ? `${ctx.rng.pick([3, 18, 34, 44, 52, 54])}.${ctx.rng.int(1, 254)}.${ctx.rng.int(1, 254)}.${ctx.rng.int(1, 254)}` : null;
    const groupId = ctx.rng.pick(net.securityGroups);
    const volumeId = `vol-${ctx.rng.hex(17)}`;
    const launchTime = isoDaysAgo(ctx, 3, 400);
    const eni = `eni-${ctx.rng.hex(17)}`;
    const tags = tagsFor(ctx, name, flaws, false);
    ctx.instanceIds[ctx.region] ??= [];
    ctx.instanceIds[ctx.region]?.push(id);
    const patchStatus = flaws.has("missing-patches") ? "NON_COMPLIANT" : "COMPLIANT";
    const patches: Draft[] = flaws.has("not-ssm-managed") ? [] : [{
      resourceType: "AWS::SSM::PatchCompliance", resourceId: `AWS::SSM::ManagedInstanceInventory/${id}`, resourceName: null,
      arn: `arn:aws:ssm:${ctx.region}:${ctx.accountId}:patch-compliance/AWS::SSM::ManagedInstanceInventory/${id}`, availabilityZone: "Not Applicable",
      configuration: {
        "AWS:ComplianceItem": {
          ComplianceType: "Patch", Status: patchStatus, ExecutionSummary: { ExecutionTime: isoDaysAgo(ctx, 0, 3), ExecutionType: "Command" },
          Content: { Patch: { PatchBaselineId: "pb-0e392de35e7c563b7", Severity: patchStatus === "COMPLIANT" ? "UNSPECIFIED" : "CRITICAL", MissingCount: patchStatus === "COMPLIANT" ? 0 : ctx.rng.int(1, 14) } },
        },
      },
      relationships: [{ resourceType: "AWS::SSM::ManagedInstanceInventory", resourceId: id, relationshipName: "Is associated with ManagedInstanceInventory" }],
    }];
    const inventory: Draft[] = flaws.has("not-ssm-managed") ? [] : [{
      resourceType: "AWS::SSM::ManagedInstanceInventory", resourceId: id, resourceName: null, arn: `arn:aws:ssm:${ctx.region}:${ctx.accountId}:managed-instance-inventory/${id}`,
      availabilityZone: "Not Applicable",
      configuration: {
        AWS: { InstanceInformation: { Content: { [id]: { AgentType: "amazon-ssm-agent", AgentVersion: "3.3.987.0", ComputerName: privateIp, InstanceId: id, InstanceStatus: "Active", IpAddress: privateIp, PlatformName: "Amazon Linux", PlatformType: "Linux", PlatformVersion: "2023", ResourceType: "EC2Instance" } } } },
      },
    }];
    return [{
      resourceId: id, resourceName: name, arn: ec2Arn(ctx, "instance", id), availabilityZone: az, createdAt: launchTime,
      configuration: {
        amiLaunchIndex: 0, imageId: `ami-${ctx.rng.hex(17)}`, instanceId: id, instanceType: ctx.rng.pick(INSTANCE_TYPES),
        launchTime, monitoring: { state: "disabled" }, placement: { availabilityZone: az, groupName: "", tenancy: "default" },
        privateDnsName: `ip-${privateIp.replaceAll(".", "-")}.ec2.internal`, privateIpAddress: privateIp, productCodes: [],
        publicDnsName: publicIp ? `ec2-${publicIp.replaceAll(".", "-")}.compute-1.amazonaws.com` : "",
        ...(publicIp ? { publicIpAddress: publicIp } : {}),
        state: { code: 16, name: "running" }, subnetId, vpcId: net.vpcId, architecture: "x86_64",
        blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { attachTime: launchTime, deleteOnTermination: true, status: "attached", volumeId } }],
        ebsOptimized: true, hypervisor: "xen", rootDeviceName: "/dev/xvda", rootDeviceType: "ebs", virtualizationType: "hvm",
        iamInstanceProfile: { arn: `arn:aws:iam::${ctx.accountId}:instance-profile/${name.split("-")[0]}-app`, id: `AIPA${ctx.rng.hex(17).toUpperCase()}` },
        networkInterfaces: [{
          ...(publicIp ? { association: { ipOwnerId: "amazon", publicDnsName: "", publicIp } } : {}),
          attachment: { attachTime: launchTime, attachmentId: `eni-attach-${ctx.rng.hex(17)}`, deleteOnTermination: true, deviceIndex: 0, status: "attached" },
          description: "", groups: [{ groupName: "app", groupId }], macAddress: "0a:1b:2c:3d:4e:5f", networkInterfaceId: eni,
          ownerId: ctx.accountId, privateIpAddress: privateIp, sourceDestCheck: true, status: "in-use", subnetId, vpcId: net.vpcId,
          privateIpAddresses: [{ primary: true, privateIpAddress: privateIp }],
        }],
        securityGroups: [{ groupName: "app", groupId }],
        metadataOptions: { state: "applied", httpTokens: flaws.has("imds-v1") ? "optional" : "required", httpPutResponseHopLimit: 1, httpEndpoint: "enabled" },
        tags: tagList(tags),
      },
      tags,
      relationships: [
        { resourceType: "AWS::EC2::Subnet", resourceId: subnetId, relationshipName: "Is contained in Subnet" },
        { resourceType: "AWS::EC2::VPC", resourceId: net.vpcId, relationshipName: "Is contained in Vpc" },
        { resourceType: "AWS::EC2::SecurityGroup", resourceId: groupId, relationshipName: "Is associated with SecurityGroup" },
        { resourceType: "AWS::EC2::Volume", resourceId: volumeId, relationshipName: "Is attached to Volume" },
        { resourceType: "AWS::EC2::NetworkInterface", resourceId: eni, relationshipName: "Contains NetworkInterface" },
      ],
    }, ...inventory, ...patches];
  },
};

export const volumeSpec: AwsTypeSpec = {
  type: "AWS::EC2::Volume",
  flaws: ["unencrypted"],
  weight: 12,
  build(ctx, flaws) {
    const id = `vol-${ctx.rng.hex(17)}`;
    const az = azOf(ctx);
    const instances = ctx.instanceIds[ctx.region] ?? [];
    const attachedTo = instances.length > 0 && ctx.rng.chance(0.8) ? ctx.rng.pick(instances) : null;
    const createTime = isoDaysAgo(ctx, 2, 500);
    const encrypted = !flaws.has("unencrypted");
    const name = `${systemName(ctx)}-data`;
    const tags = tagsFor(ctx, name, flaws, true);
    return {
      resourceId: id, resourceName: name, arn: ec2Arn(ctx, "volume", id), availabilityZone: az, createdAt: createTime,
      configuration: {
        attachments: attachedTo ? [{ attachTime: createTime, device: "/dev/sdf", instanceId: attachedTo, state: "attached", volumeId: id, deleteOnTermination: false }] : [],
        availabilityZone: az, createTime, encrypted, ...(encrypted ? { kmsKeyId: kmsKeyArn(ctx) } : {}),
        size: ctx.rng.pick([20, 50, 100, 200, 500, 1000]), snapshotId: "", state: attachedTo ? "in-use" : "available", volumeId: id,
        iops: 3000, volumeType: "gp3", throughput: 125, multiAttachEnabled: false, tags: tagList(tags),
      },
      tags,
      relationships: attachedTo ? [{ resourceType: "AWS::EC2::Instance", resourceId: attachedTo, relationshipName: "Is attached to Instance" }] : [],
    };
  },
};

/**
 * EBS snapshots (AWS Config does not record them; served by ec2:DescribeSnapshots + DescribeSnapshotAttribute).
 * The configuration is the DescribeSnapshots element in Config's lower-camel EC2 casing plus
 * `createVolumePermissions`, exactly as the collector builds it.
 */
export const ebsSnapshotSpec: AwsTypeSpec = {
  type: "AWS::EC2::Snapshot",
  flaws: ["unencrypted", "public"],
  weight: 0.5,
  build(ctx, flaws) {
    const id = `snap-${ctx.rng.hex(17)}`;
    const encrypted = !flaws.has("unencrypted");
    const name = `${systemName(ctx)}-snapshot`;
    const tags = tagsFor(ctx, name, flaws, true);
    const sharedWith = flaws.has("public") ? [{ group: "all" }] : ctx.rng.chance(0.15) ? [{ userId: ctx.rng.digits(12) }] : [];
    const started = isoDaysAgo(ctx, 1, 700);
    return {
      resourceId: id, resourceName: name, arn: ec2Arn(ctx, "snapshot", id), availabilityZone: "Not Applicable", createdAt: started,
      configuration: {
        snapshotId: id, volumeId: `vol-${ctx.rng.hex(17)}`, state: "completed", startTime: started, progress: "100%", ownerId: ctx.accountId,
        description: `Nightly backup of ${name}`, volumeSize: ctx.rng.pick([20, 50, 100, 200, 500]), encrypted,
        ...(encrypted ? { kmsKeyId: kmsKeyArn(ctx) } : {}), storageTier: "standard", tags: tagList(tags), createVolumePermissions: sharedWith,
      },
      tags,
    };
  },
};
