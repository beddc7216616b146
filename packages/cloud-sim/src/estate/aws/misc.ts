// AWS Backup, SageMaker, EKS and Lambda items (CloudFormation-style PascalCase configurations, as Config records them).
import type { AwsTypeSpec } from "./context";
import { isoDaysAgo, isoDaysAhead, kmsKeyArn, network, systemName, tagsFor, uniqueName } from "./context";

export const backupPlanSpec: AwsTypeSpec = {
  type: "AWS::Backup::BackupPlan",
  flaws: ["short-retention"],
  weight: 0.5,
  build(ctx, flaws) {
    const id = `${ctx.rng.hex(8)}-${ctx.rng.hex(4)}-${ctx.rng.hex(4)}-${ctx.rng.hex(4)}-${ctx.rng.hex(12)}`;
    const name = uniqueName(ctx, "plan", () => `${systemName(ctx)}-daily`);
    const arn = `arn:aws:backup:${ctx.region}:${ctx.accountId}:backup-plan:${id}`;
    return {
      resourceId: id, resourceName: name, arn, availabilityZone: "Not Applicable", createdAt: isoDaysAgo(ctx, 30, 900),
      configuration: {
        BackupPlanId: id, BackupPlanArn: arn, VersionId: ctx.rng.hex(32),
        BackupPlan: {
          BackupPlanName: name,
          BackupPlanRule: [{
            RuleName: "daily", TargetBackupVault: "primary-vault", ScheduleExpression: "cron(0 5 ? * * *)", StartWindowMinutes: 60, CompletionWindowMinutes: 180,
            Lifecycle: { DeleteAfterDays: flaws.has("short-retention") ? 7 : ctx.rng.pick([35, 90, 365, 2190]) },
          }],
        },
      },
    };
  },
};

export const backupVaultSpec: AwsTypeSpec = {
  type: "AWS::Backup::BackupVault",
  flaws: ["no-delete-protection"],
  weight: 0.5,
  build(ctx, flaws) {
    const name = uniqueName(ctx, "vault", () => `${systemName(ctx)}-vault`);
    const arn = `arn:aws:backup:${ctx.region}:${ctx.accountId}:backup-vault:${name}`;
    const deny = { Version: "2012-10-17", Statement: [{ Effect: "Deny", Principal: { AWS: "*" }, Action: ["backup:DeleteRecoveryPoint", "backup:UpdateRecoveryPointLifecycle", "backup:PutBackupVaultAccessPolicy"], Resource: "*" }] };
    return {
      resourceId: name, resourceName: name, arn, availabilityZone: "Not Applicable", createdAt: isoDaysAgo(ctx, 30, 900),
      configuration: { BackupVaultName: name, BackupVaultArn: arn, EncryptionKeyArn: kmsKeyArn(ctx), ...(flaws.has("no-delete-protection") ? {} : { AccessPolicy: deny }) },
    };
  },
};

export const recoveryPointSpec: AwsTypeSpec = {
  type: "AWS::Backup::RecoveryPoint",
  flaws: ["unencrypted", "short-retention"],
  weight: 3,
  build(ctx, flaws) {
    const created = isoDaysAgo(ctx, 0, 30);
    const arn = `arn:aws:ec2:${ctx.region}::snapshot/snap-${ctx.rng.hex(17)}`;
    const days = flaws.has("short-retention") ? 7 : 35;
    const encrypted = !flaws.has("unencrypted");
    return {
      resourceId: arn, resourceName: null, arn, availabilityZone: "Not Applicable", createdAt: created,
      configuration: {
        RecoveryPointArn: arn, BackupVaultName: "primary-vault", BackupVaultArn: `arn:aws:backup:${ctx.region}:${ctx.accountId}:backup-vault:primary-vault`,
        ResourceArn: `arn:aws:ec2:${ctx.region}:${ctx.accountId}:volume/vol-${ctx.rng.hex(17)}`, ResourceType: "EBS", CreationDate: created, Status: "COMPLETED",
        IsEncrypted: encrypted, ...(encrypted ? { EncryptionKeyArn: kmsKeyArn(ctx) } : {}),
        Lifecycle: { DeleteAfterDays: days }, CalculatedLifecycle: { DeleteAt: isoDaysAhead(ctx, days - 30, days) },
      },
    };
  },
};

export const sageMakerNotebookSpec: AwsTypeSpec = {
  type: "AWS::SageMaker::NotebookInstance",
  flaws: ["no-kms", "direct-internet"],
  weight: 0.5,
  build(ctx, flaws) {
    const net = network(ctx);
    const name = uniqueName(ctx, "notebook", () => `${systemName(ctx)}-research`);
    const arn = `arn:aws:sagemaker:${ctx.region}:${ctx.accountId}:notebook-instance/${name}`;
    return {
      resourceId: name, resourceName: name, arn, availabilityZone: "Not Applicable", createdAt: isoDaysAgo(ctx, 5, 400),
      configuration: {
        NotebookInstanceName: name, NotebookInstanceArn: arn, InstanceType: "ml.t3.medium", RoleArn: `arn:aws:iam::${ctx.accountId}:role/sagemaker-execution`,
        SubnetId: net.privateSubnets[0], SecurityGroupIds: [net.securityGroups[0]], DirectInternetAccess: flaws.has("direct-internet") ? "Enabled" : "Disabled",
        RootAccess: "Disabled", VolumeSizeInGB: 50, ...(flaws.has("no-kms") ? {} : { KmsKeyId: kmsKeyArn(ctx) }),
      },
      tags: tagsFor(ctx, name, flaws, false),
    };
  },
};

export const eksClusterSpec: AwsTypeSpec = {
  type: "AWS::EKS::Cluster",
  flaws: ["secrets-unencrypted", "public-endpoint"],
  weight: 0.5,
  build(ctx, flaws) {
    const net = network(ctx);
    const name = uniqueName(ctx, "eks", () => `${systemName(ctx)}-eks`);
    const arn = `arn:aws:eks:${ctx.region}:${ctx.accountId}:cluster/${name}`;
    return {
      resourceId: name, resourceName: name, arn, availabilityZone: "Not Applicable", createdAt: isoDaysAgo(ctx, 30, 700),
      configuration: {
        Name: name, Arn: arn, Version: "1.30", RoleArn: `arn:aws:iam::${ctx.accountId}:role/eks-cluster`,
        ResourcesVpcConfig: { SubnetIds: net.privateSubnets, SecurityGroupIds: [net.securityGroups[0]], EndpointPublicAccess: flaws.has("public-endpoint"), EndpointPrivateAccess: true, ...(flaws.has("public-endpoint") ? { PublicAccessCidrs: ["0.0.0.0/0"] } : {}) },
        EncryptionConfig: flaws.has("secrets-unencrypted") ? [] : [{ Resources: ["secrets"], Provider: { KeyArn: kmsKeyArn(ctx) } }],
        Logging: { ClusterLogging: { EnabledTypes: [{ Type: "api" }, { Type: "audit" }] } },
      },
      tags: { Team: "platform" },
    };
  },
};

export const lambdaSpec: AwsTypeSpec = {
  type: "AWS::Lambda::Function",
  flaws: ["public-policy"],
  weight: 2,
  build(ctx, flaws) {
    const name = uniqueName(ctx, "lambda", () => `${systemName(ctx)}-${ctx.rng.pick(["handler", "processor", "notifier", "export"])}`);
    const arn = `arn:aws:lambda:${ctx.region}:${ctx.accountId}:function:${name}`;
    const statement = flaws.has("public-policy")
      ? { Sid: "public-invoke", Effect: "Allow", Principal: "*", Action: "lambda:InvokeFunction", Resource: arn }
      : { Sid: "s3-invoke", Effect: "Allow", Principal: { Service: "s3.amazonaws.com" }, Action: "lambda:InvokeFunction", Resource: arn, Condition: { ArnLike: { "AWS:SourceArn": `arn:aws:s3:::${ctx.alias}-uploads` }, StringEquals: { "AWS:SourceAccount": ctx.accountId } } };
    return {
      resourceId: name, resourceName: name, arn, availabilityZone: "Not Applicable", createdAt: isoDaysAgo(ctx, 1, 600),
      configuration: {
        functionName: name, functionArn: arn, runtime: ctx.rng.pick(["nodejs20.x", "python3.12"]), role: `arn:aws:iam::${ctx.accountId}:role/${name}-role`,
        handler: "index.handler", codeSize: ctx.rng.int(1000, 5_000_000), description: "", timeout: 30, memorySize: 512, lastModified: isoDaysAgo(ctx, 0, 60),
        codeSha256: ctx.rng.hex(43), version: "$LATEST", tracingConfig: { mode: "Active" }, packageType: "Zip", architectures: ["arm64"],
      },
      supplementaryConfiguration: { Policy: JSON.stringify({ Version: "2012-10-17", Id: "default", Statement: [statement] }) },
      tags: { Team: "patient-portal" },
    };
  },
};

export const httpApiStageSpec: AwsTypeSpec = {
  type: "AWS::ApiGatewayV2::Stage",
  flaws: ["no-access-logs"],
  weight: 0.5,
  build(ctx, flaws) {
    const apiId = ctx.rng.hex(10);
    const stage = ctx.rng.pick(["$default", "prod", "v2"]);
    const arn = `arn:aws:apigateway:${ctx.region}::/apis/${apiId}/stages/${stage}`;
    return {
      resourceId: arn, resourceName: stage, arn, availabilityZone: "Regional", createdAt: isoDaysAgo(ctx, 5, 600),
      configuration: {
        stageName: stage, apiId, autoDeploy: true, defaultRouteSettings: { detailedMetricsEnabled: true, throttlingBurstLimit: 500, throttlingRateLimit: 1000 },
        ...(flaws.has("no-access-logs") ? {} : { accessLogSettings: { destinationArn: `arn:aws:logs:${ctx.region}:${ctx.accountId}:log-group:/apigw/http/${apiId}`, format: "$context.requestId $context.status" } }),
      },
      tags: { Team: "patient-portal" },
    };
  },
};

/**
 * DMS replication instances (AWS Config does not record them; served by dms:DescribeReplicationInstances, the
 * element as the SDK returns it). Random draws in the order they always were, so the estate stayed the same.
 */
export const dmsReplicationInstanceSpec: AwsTypeSpec = {
  type: "AWS::DMS::ReplicationInstance",
  flaws: ["public"],
  weight: 0.3,
  build(ctx, flaws) {
    const name = uniqueName(ctx, "dms", () => `${systemName(ctx)}-migration`);
    const hex = ctx.rng.hex(26).toUpperCase();
    const arn = `arn:aws:dms:${ctx.region}:${ctx.accountId}:rep:${hex}`;
    const created = isoDaysAgo(ctx, 10, 400);
    const kmsKeyId = kmsKeyArn(ctx);
    const net = network(ctx);
    const sg = ctx.rng.pick(net.securityGroups);
    const octet = (i: number) => parseInt(hex.slice(i, i + 2), 16);
    const isPublic = flaws.has("public");
    return {
      resourceId: arn, resourceName: name, arn, availabilityZone: "Not Applicable", createdAt: created,
      configuration: {
        ReplicationInstanceIdentifier: name, ReplicationInstanceClass: "dms.r5.large", ReplicationInstanceStatus: "available", AllocatedStorage: 100,
        InstanceCreateTime: created, VpcSecurityGroups: [{ VpcSecurityGroupId: sg, Status: "active" }], AvailabilityZone: `${ctx.region}a`,
        ReplicationSubnetGroup: {
          ReplicationSubnetGroupIdentifier: "dms-private", ReplicationSubnetGroupDescription: "private data subnets", VpcId: net.vpcId, SubnetGroupStatus: "Complete",
          Subnets: net.privateSubnets.map((s) => ({ SubnetIdentifier: s, SubnetAvailabilityZone: { Name: net.subnetAz[s] ?? `${ctx.region}a` }, SubnetStatus: "Active" })),
        },
        PreferredMaintenanceWindow: "sun:06:00-sun:06:30", MultiAZ: true, EngineVersion: "3.5.3", AutoMinorVersionUpgrade: true, KmsKeyId: kmsKeyId,
        ReplicationInstanceArn: arn, ReplicationInstancePrivateIpAddresses: [`10.${octet(0)}.${octet(2)}.${octet(4)}`],
        ReplicationInstancePublicIpAddresses: isPublic ? [`54.${octet(6)}.${octet(8)}.${octet(10)}`] : [], PubliclyAccessible: isPublic, NetworkType: "IPV4",
      },
    };
  },
};
