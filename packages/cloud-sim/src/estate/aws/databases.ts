// RDS, Redshift and OpenSearch items in AWS Config's recorded shapes.
import type { AwsContext, AwsTypeSpec, Draft } from "./context";
import { azOf, isoDaysAgo, kmsKeyArn, network, systemName, tagsFor, uniqueName } from "./context";

const ENGINES = [
  { engine: "postgres", version: "15.7", port: 5432, logs: ["postgresql", "upgrade"] },
  { engine: "mysql", version: "8.0.39", port: 3306, logs: ["audit", "error", "slowquery"] },
  { engine: "sqlserver-se", version: "15.00.4385.2.v1", port: 1433, logs: ["error", "agent"] },
] as const;

const upperId = (hex: string) => hex.toUpperCase();

export const dbInstanceSpec: AwsTypeSpec = {
  type: "AWS::RDS::DBInstance",
  flaws: ["unencrypted", "public", "single-az", "no-backups", "no-log-exports", "no-force-ssl", "phi-in-dev", "unclassified"],
  weight: 3,
  build(ctx, flaws) {
    const net = network(ctx);
    const engine = ctx.rng.pick(ENGINES);
    const identifier = uniqueName(ctx, "rds", () => `${systemName(ctx)}-${engine.engine.split("-")[0]}`);
    const resourceId = `db-${upperId(ctx.rng.hex(26))}`;
    const arn = `arn:aws:rds:${ctx.region}:${ctx.accountId}:db:${identifier}`;
    const az = azOf(ctx);
    const encrypted = !flaws.has("unencrypted");
    const created = isoDaysAgo(ctx, 30, 1200);
    const sg = ctx.rng.pick(net.securityGroups);
    const parameterGroup = `${engine.engine}-${flaws.has("no-force-ssl") ? "legacy" : "hardened"}`;
    const drafts: Draft[] = [];
    if (!ctx.used.has(`dbpg:${ctx.region}:${parameterGroup}`)) {
      ctx.used.add(`dbpg:${ctx.region}:${parameterGroup}`);
      drafts.push(dbParameterGroupDraft(ctx, parameterGroup, engine.engine, !flaws.has("no-force-ssl")));
    }
    return [{
      resourceId, resourceName: identifier, arn, availabilityZone: az, createdAt: created,
      configuration: {
        dBInstanceIdentifier: identifier, dBInstanceClass: ctx.rng.pick(["db.r6g.large", "db.m6g.large", "db.t4g.medium"]), engine: engine.engine,
        dBInstanceStatus: "available", masterUsername: "dbadmin", dBName: identifier.split("-")[0],
        endpoint: { address: `${identifier}.c${ctx.rng.hex(11)}.${ctx.region}.rds.amazonaws.com`, port: engine.port, hostedZoneId: "Z2R2ITUGPM61AM" },
        allocatedStorage: ctx.rng.pick([100, 200, 500, 1000]), instanceCreateTime: created, preferredBackupWindow: "03:00-03:30",
        backupRetentionPeriod: flaws.has("no-backups") ? 0 : ctx.rng.pick([7, 14, 35]), dBSecurityGroups: [],
        vpcSecurityGroups: [{ vpcSecurityGroupId: sg, status: "active" }],
        dBParameterGroups: [{ dBParameterGroupName: parameterGroup, parameterApplyStatus: "in-sync" }],
        availabilityZone: az,
        dBSubnetGroup: { dBSubnetGroupName: "data-private", dBSubnetGroupDescription: "private data subnets", vpcId: net.vpcId, subnetGroupStatus: "Complete", subnets: net.privateSubnets.map((s) => ({ subnetIdentifier: s, subnetStatus: "Active" })) },
        multiAZ: !flaws.has("single-az"), engineVersion: engine.version, autoMinorVersionUpgrade: true, publiclyAccessible: flaws.has("public"),
        storageType: "gp3", storageEncrypted: encrypted, ...(encrypted ? { kmsKeyId: kmsKeyArn(ctx) } : {}), dbiResourceId: resourceId,
        dBInstanceArn: arn, iAMDatabaseAuthenticationEnabled: ctx.rng.chance(0.5), deletionProtection: ctx.rng.chance(0.7),
        enabledCloudwatchLogsExports: flaws.has("no-log-exports") ? [] : [...engine.logs], copyTagsToSnapshot: true,
        monitoringInterval: 60, performanceInsightsEnabled: true, caCertificateIdentifier: "rds-ca-rsa2048-g1",
      },
      tags: tagsFor(ctx, identifier, flaws, true),
      relationships: [
        { resourceType: "AWS::EC2::SecurityGroup", resourceId: sg, relationshipName: "Is associated with SecurityGroup" },
        { resourceType: "AWS::RDS::DBSubnetGroup", resourceId: "data-private", relationshipName: "Is associated with DBSubnetGroup" },
      ],
    }, ...drafts];
  },
};

function dbParameterGroupDraft(ctx: AwsContext, name: string, engine: string, forceSsl: boolean): Draft {
  const family = engine === "postgres" ? "postgres15" : engine === "mysql" ? "mysql8.0" : "sqlserver-se-15.0";
  const param = engine === "mysql" ? { parameterName: "require_secure_transport", parameterValue: forceSsl ? "ON" : "OFF" } : { parameterName: "rds.force_ssl", parameterValue: forceSsl ? "1" : "0" };
  return {
    resourceType: "AWS::RDS::DBParameterGroup", resourceId: name, resourceName: name, arn: `arn:aws:rds:${ctx.region}:${ctx.accountId}:pg:${name}`, availabilityZone: "Not Applicable",
    configuration: {
      dBParameterGroupName: name, dBParameterGroupFamily: family, description: `${name} parameters`, dBParameterGroupArn: `arn:aws:rds:${ctx.region}:${ctx.accountId}:pg:${name}`,
      // The fields the collector keeps from DescribeDBParameters (the rest is wire-only, see aws/rds.ts).
      parameters: [{ ...param, source: "user" }, { parameterName: "log_connections", parameterValue: "1", source: "user" }],
    },
  };
}

export const dbClusterSpec: AwsTypeSpec = {
  type: "AWS::RDS::DBCluster",
  flaws: ["unencrypted", "single-az", "short-backups", "no-deletion-protection", "phi-in-dev"],
  weight: 1,
  build(ctx, flaws) {
    const identifier = uniqueName(ctx, "cluster", () => `${systemName(ctx)}-aurora`);
    const resourceId = `cluster-${upperId(ctx.rng.hex(26))}`;
    const arn = `arn:aws:rds:${ctx.region}:${ctx.accountId}:cluster:${identifier}`;
    const encrypted = !flaws.has("unencrypted");
    const multiAz = !flaws.has("single-az");
    const azs = multiAz ? [`${ctx.region}a`, `${ctx.region}b`, `${ctx.region}c`] : [`${ctx.region}a`];
    return {
      resourceId, resourceName: identifier, arn, availabilityZone: "Multiple Availability Zones", createdAt: isoDaysAgo(ctx, 30, 1000),
      configuration: {
        dBClusterIdentifier: identifier, dBClusterArn: arn, dbClusterResourceId: resourceId, engine: "aurora-postgresql", engineVersion: "15.4",
        status: "available", availabilityZones: azs, multiAZ: multiAz, storageEncrypted: encrypted, ...(encrypted ? { kmsKeyId: kmsKeyArn(ctx) } : {}),
        backupRetentionPeriod: flaws.has("short-backups") ? 1 : 14, deletionProtection: !flaws.has("no-deletion-protection"), publiclyAccessible: false, port: 5432, masterUsername: "dbadmin",
        dBClusterMembers: azs.map((_, i) => ({ dBInstanceIdentifier: `${identifier}-${i + 1}`, isClusterWriter: i === 0, promotionTier: 1 })),
        iAMDatabaseAuthenticationEnabled: true, enabledCloudwatchLogsExports: ["postgresql"],
      },
      tags: tagsFor(ctx, identifier, flaws, true),
    };
  },
};

export const dbSnapshotSpec: AwsTypeSpec = {
  type: "AWS::RDS::DBSnapshot",
  flaws: ["unencrypted", "public"],
  weight: 3,
  build(ctx, flaws) {
    const source = `${systemName(ctx)}-postgres`;
    const name = uniqueName(ctx, "snapshot", () => `${source}-manual-${isoDaysAgo(ctx, 1, 300).slice(0, 10)}`);
    const arn = `arn:aws:rds:${ctx.region}:${ctx.accountId}:snapshot:${name}`;
    const encrypted = !flaws.has("unencrypted");
    const created = isoDaysAgo(ctx, 1, 300);
    return {
      resourceId: name, resourceName: name, arn, availabilityZone: azOf(ctx), createdAt: created,
      configuration: {
        dBSnapshotIdentifier: name, dBInstanceIdentifier: source, snapshotCreateTime: created, engine: "postgres", allocatedStorage: 200,
        status: "available", port: 5432, vpcId: network(ctx).vpcId, masterUsername: "dbadmin", engineVersion: "15.7", snapshotType: "manual",
        encrypted, ...(encrypted ? { kmsKeyId: kmsKeyArn(ctx) } : {}), dBSnapshotArn: arn, storageType: "gp3",
      },
      supplementaryConfiguration: { DBSnapshotAttributes: [{ attributeName: "restore", attributeValues: flaws.has("public") ? ["all"] : [] }] },
      tags: { Team: "platform" },
    };
  },
};

export const dbClusterSnapshotSpec: AwsTypeSpec = {
  type: "AWS::RDS::DBClusterSnapshot",
  flaws: ["unencrypted", "public"],
  weight: 1,
  build(ctx, flaws) {
    const source = `${systemName(ctx)}-aurora`;
    const name = uniqueName(ctx, "csnapshot", () => `${source}-final-${isoDaysAgo(ctx, 1, 300).slice(0, 10)}`);
    const arn = `arn:aws:rds:${ctx.region}:${ctx.accountId}:cluster-snapshot:${name}`;
    const encrypted = !flaws.has("unencrypted");
    return {
      resourceId: name, resourceName: name, arn, availabilityZone: "Multiple Availability Zones", createdAt: isoDaysAgo(ctx, 1, 300),
      configuration: {
        dBClusterSnapshotIdentifier: name, dBClusterIdentifier: source, engine: "aurora-postgresql", status: "available", snapshotType: "manual",
        storageEncrypted: encrypted, ...(encrypted ? { kmsKeyId: kmsKeyArn(ctx) } : {}), dBClusterSnapshotArn: arn, port: 5432,
      },
      supplementaryConfiguration: { DBClusterSnapshotAttributes: [{ attributeName: "restore", attributeValues: flaws.has("public") ? ["all"] : [] }] },
      tags: { Team: "platform" },
    };
  },
};

export const redshiftParameterGroupSpec: AwsTypeSpec = {
  type: "AWS::Redshift::ClusterParameterGroup",
  flaws: ["ssl-not-required"],
  weight: 1,
  build(ctx, flaws) {
    const name = uniqueName(ctx, "rspg", () => `${systemName(ctx)}-params`);
    return {
      resourceId: name, resourceName: name, arn: `arn:aws:redshift:${ctx.region}:${ctx.accountId}:parametergroup:${name}`, availabilityZone: "Not Applicable",
      configuration: { parameterGroupName: name, parameterGroupFamily: "redshift-1.0", description: `${name} hardened parameters`, tags: [] },
      supplementaryConfiguration: {
        Parameters: [
          { parameterName: "require_ssl", parameterValue: flaws.has("ssl-not-required") ? "false" : "true", source: "user", dataType: "boolean", applyType: "static", isModifiable: true },
          { parameterName: "enable_user_activity_logging", parameterValue: "true", source: "user", dataType: "boolean", applyType: "static", isModifiable: true },
        ],
      },
    };
  },
};

export const redshiftClusterSpec: AwsTypeSpec = {
  type: "AWS::Redshift::Cluster",
  flaws: ["unencrypted", "no-audit-logging", "public", "no-automated-snapshots", "ssl-not-required", "no-enhanced-vpc-routing", "phi-in-dev"],
  weight: 1,
  build(ctx, flaws) {
    const net = network(ctx);
    const id = uniqueName(ctx, "redshift", () => `${systemName(ctx)}-warehouse`);
    const encrypted = !flaws.has("unencrypted");
    const logging = !flaws.has("no-audit-logging");
    const params = redshiftParameterGroupSpec.build(ctx, flaws.has("ssl-not-required") ? new Set(["ssl-not-required"]) : new Set()) as Draft;
    params.resourceType = "AWS::Redshift::ClusterParameterGroup";
    return [{
      resourceId: id, resourceName: id, arn: `arn:aws:redshift:${ctx.region}:${ctx.accountId}:cluster:${id}`, availabilityZone: azOf(ctx), createdAt: isoDaysAgo(ctx, 30, 900),
      configuration: {
        clusterIdentifier: id, nodeType: "ra3.xlplus", clusterStatus: "available", masterUsername: "awsuser", dBName: "analytics",
        endpoint: { address: `${id}.c${ctx.rng.hex(10)}.${ctx.region}.redshift.amazonaws.com`, port: 5439 },
        automatedSnapshotRetentionPeriod: flaws.has("no-automated-snapshots") ? 0 : 7, manualSnapshotRetentionPeriod: -1,
        clusterParameterGroups: [{ parameterGroupName: params.resourceId, parameterApplyStatus: "in-sync" }],
        vpcId: net.vpcId, publiclyAccessible: flaws.has("public"), encrypted, ...(encrypted ? { kmsKeyId: kmsKeyArn(ctx) } : {}),
        enhancedVpcRouting: !flaws.has("no-enhanced-vpc-routing"), numberOfNodes: 2, clusterVersion: "1.0",
      },
      supplementaryConfiguration: { LoggingStatus: logging ? { loggingEnabled: true, bucketName: `${ctx.alias}-redshift-audit-${ctx.accountId}`, s3KeyPrefix: `${id}/`, logDestinationType: "s3" } : { loggingEnabled: false } },
      tags: tagsFor(ctx, id, flaws, true),
    }, params];
  },
};

export const openSearchSpec: AwsTypeSpec = {
  type: "AWS::OpenSearch::Domain",
  flaws: ["no-encryption-at-rest", "no-node-to-node", "http-allowed", "public-endpoint"],
  weight: 1,
  build(ctx, flaws) {
    const net = network(ctx);
    const name = uniqueName(ctx, "opensearch", () => `${systemName(ctx)}-search`.slice(0, 28));
    const arn = `arn:aws:es:${ctx.region}:${ctx.accountId}:domain/${name}`;
    const atRest = !flaws.has("no-encryption-at-rest");
    return {
      resourceId: name, resourceName: name, arn, availabilityZone: "Regional", createdAt: isoDaysAgo(ctx, 30, 700),
      configuration: {
        DomainName: name, DomainId: `${ctx.accountId}/${name}`, Arn: arn, EngineVersion: "OpenSearch_2.13",
        ClusterConfig: { InstanceType: "r6g.large.search", InstanceCount: 3, ZoneAwarenessEnabled: true, DedicatedMasterEnabled: false },
        EncryptionAtRestOptions: atRest ? { Enabled: true, KmsKeyId: kmsKeyArn(ctx) } : { Enabled: false },
        NodeToNodeEncryptionOptions: { Enabled: !flaws.has("no-node-to-node") },
        DomainEndpointOptions: flaws.has("http-allowed") ? { EnforceHTTPS: false, TLSSecurityPolicy: "Policy-Min-TLS-1-0-2019-07" } : { EnforceHTTPS: true, TLSSecurityPolicy: "Policy-Min-TLS-1-2-2019-07" },
        ...(flaws.has("public-endpoint") ? {} : { VPCOptions: { SubnetIds: net.privateSubnets.slice(0, 2), SecurityGroupIds: [ctx.rng.pick(net.securityGroups)] } }),
      },
      tags: tagsFor(ctx, name, flaws, true),
    };
  },
};

/** DAX clusters (AWS Config does not record them; served by dax:DescribeClusters, the element as the SDK returns it). */
export const daxClusterSpec: AwsTypeSpec = {
  type: "AWS::DAX::Cluster",
  flaws: ["unencrypted"],
  weight: 0.1,
  build(ctx, flaws) {
    const name = uniqueName(ctx, "dax", () => `${ctx.rng.pick(["ehr", "claims", "portal", "rx", "fhir"])}-cache`);
    const arn = `arn:aws:dax:${ctx.region}:${ctx.accountId}:cache/${name}`;
    const suffix = ctx.rng.hex(6);
    const created = isoDaysAgo(ctx, 20, 800);
    const nodes = ["a", "b", "c"].map((n, i) => ({
      NodeId: `${name}-${n}`, Endpoint: { Address: `${name}-${n}.${suffix}.nodes.dax-clusters.${ctx.region}.amazonaws.com`, Port: 8111 },
      NodeCreateTime: created, AvailabilityZone: `${ctx.region}${["a", "b", "c"][i]}`, NodeStatus: "available", ParameterGroupStatus: "in-sync",
    }));
    const encrypted = !flaws.has("unencrypted");
    return {
      resourceId: name, resourceName: name, arn, availabilityZone: "Multiple Availability Zones", createdAt: created,
      configuration: {
        ClusterName: name, Description: `DynamoDB accelerator for ${name}`, ClusterArn: arn, TotalNodes: 3, ActiveNodes: 3, NodeType: "dax.r5.large", Status: "available",
        ClusterDiscoveryEndpoint: { Address: `${name}.${suffix}.dax-clusters.${ctx.region}.amazonaws.com`, Port: 8111, URL: `dax://${name}.${suffix}.dax-clusters.${ctx.region}.amazonaws.com` },
        Nodes: nodes, PreferredMaintenanceWindow: "sun:05:00-sun:06:00", SubnetGroup: "default",
        SecurityGroups: [{ SecurityGroupIdentifier: ctx.rng.pick(network(ctx).securityGroups), Status: "active" }],
        IamRoleArn: `arn:aws:iam::${ctx.accountId}:role/DAXtoDynamoDB`,
        ParameterGroup: { ParameterGroupName: "default.dax1.0", ParameterApplyStatus: "in-sync", NodeIdsToReboot: [] },
        SSEDescription: { Status: encrypted ? "ENABLED" : "DISABLED" }, ClusterEndpointEncryptionType: encrypted ? "TLS" : "NONE", NetworkType: "ipv4",
      },
    };
  },
};
