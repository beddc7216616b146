// S3, EFS, DynamoDB, KMS, Secrets Manager and SNS items in AWS Config's recorded shapes.
import type { AwsContext, AwsTypeSpec, Draft } from "./context";
import { isoDaysAgo, kmsKeyArn, systemName, tagsFor, uniqueName, uuid } from "./context";

const canonicalId = (ctx: AwsContext) => ctx.rng.hex(64);

export interface BucketOptions {
  name: string;
  tags: Record<string, string>;
  extraStatements?: Record<string, unknown>[];
}

/** A bucket CI; `flaws` picks which of the catalog's S3 settings are wrong. */
export function bucketDraft(ctx: AwsContext, flaws: ReadonlySet<string>, opts: BucketOptions): Draft {
  const arn = `arn:aws:s3:::${opts.name}`;
  const owner = canonicalId(ctx);
  const grants: Record<string, unknown>[] = [{ grantee: { id: owner, displayName: null }, permission: "FullControl" }];
  if (flaws.has("public-read-acl")) grants.push({ grantee: "AllUsers", permission: "Read" });
  if (flaws.has("public-write-acl")) grants.push({ grantee: "AllUsers", permission: "Write" });
  const statements: Record<string, unknown>[] = [...(opts.extraStatements ?? [])];
  if (!flaws.has("no-secure-transport")) {
    statements.push({ Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [arn, `${arn}/*`], Condition: { Bool: { "aws:SecureTransport": "false" } } });
  }
  if (!flaws.has("no-min-tls")) {
    statements.push({ Sid: "DenyOutdatedTls", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [arn, `${arn}/*`], Condition: { NumericLessThan: { "s3:TlsVersion": "1.2" } } });
  }
  if (flaws.has("public-policy")) {
    statements.push({ Sid: "PublicReadGetObject", Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: `${arn}/*` });
  }
  const publicSomehow = flaws.has("public-read-acl") || flaws.has("public-write-acl") || flaws.has("public-policy") || flaws.has("block-public-access-off");
  const kms = !flaws.has("sse-s3-only") && !flaws.has("no-encryption");
  const mfaDelete = !flaws.has("no-mfa-delete") && !flaws.has("no-versioning");
  const supplementary: Record<string, unknown> = {
    // AWS Config stores the ACL double-serialised (a JSON string inside the item), see shapes.md 1.3.
    AccessControlList: JSON.stringify({ owner: { id: owner, displayName: null }, grantList: grants }),
    BucketPolicy: { policyText: statements.length > 0 ? JSON.stringify({ Version: "2012-10-17", Statement: statements }) : null },
    BucketLoggingConfiguration: flaws.has("no-access-logging")
      ? { destinationBucketName: null, logFilePrefix: null }
      : { destinationBucketName: `${ctx.alias}-s3-access-logs-${ctx.accountId}`, logFilePrefix: `${opts.name}/` },
    BucketVersioningConfiguration: flaws.has("no-versioning") ? { status: "Off", isMfaDeleteEnabled: null } : { status: "Enabled", isMfaDeleteEnabled: mfaDelete },
    BucketAccelerateConfiguration: { status: null },
    BucketNotificationConfiguration: { configurations: {} },
    PublicAccessBlockConfiguration: publicSomehow
      ? { blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: false }
      : { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true },
    BucketTaggingConfiguration: { tagSets: [{ tags: opts.tags }] },
  };
  if (!flaws.has("no-encryption")) {
    supplementary.ServerSideEncryptionConfiguration = {
      rules: [{ applyServerSideEncryptionByDefault: kms ? { sseAlgorithm: "aws:kms", kmsMasterKeyID: kmsKeyArn(ctx) } : { sseAlgorithm: "AES256" }, bucketKeyEnabled: kms }],
    };
  }
  if (!flaws.has("no-object-lock")) {
    supplementary.ObjectLockConfiguration = { objectLockEnabled: "Enabled", rule: { defaultRetention: { mode: "GOVERNANCE", days: 2190 } } };
  }
  if (!flaws.has("no-replication")) {
    supplementary.BucketReplicationConfiguration = {
      roleARN: `arn:aws:iam::${ctx.accountId}:role/s3-replication`,
      rules: { "replicate-all": { status: "Enabled", prefix: "", destinationConfig: { bucketARN: `arn:aws:s3:::${opts.name}-replica`, storageClass: "STANDARD_IA", Account: ctx.accountId } } },
    };
  }
  const creationDate = isoDaysAgo(ctx, 30, 1500);
  return {
    resourceId: opts.name, resourceName: opts.name, arn, availabilityZone: "Regional", createdAt: creationDate,
    configuration: { name: opts.name, owner: { displayName: null, id: owner }, creationDate },
    supplementaryConfiguration: supplementary,
    tags: opts.tags,
  };
}

export const bucketSpec: AwsTypeSpec = {
  type: "AWS::S3::Bucket",
  flaws: ["no-encryption", "sse-s3-only", "no-min-tls", "public-read-acl", "public-write-acl", "public-policy", "no-secure-transport", "block-public-access-off", "no-access-logging", "no-versioning", "no-mfa-delete", "no-object-lock", "no-replication", "phi-in-dev", "unclassified"],
  weight: 8,
  build(ctx, flaws) {
    const name = uniqueName(ctx, "bucket", () => `${ctx.alias}-${systemName(ctx)}-${ctx.region}`);
    ctx.bucketNames.push(name);
    return bucketDraft(ctx, flaws, { name, tags: tagsFor(ctx, name, flaws, true) });
  },
};

export function accountPublicAccessBlockDraft(ctx: AwsContext, on: boolean): Draft {
  return {
    resourceId: ctx.accountId, resourceName: null, arn: `arn:aws:config:${ctx.region}:${ctx.accountId}:AWS::S3::AccountPublicAccessBlock/${ctx.accountId}`,
    availabilityZone: "Not Applicable",
    configuration: { blockPublicAcls: on, ignorePublicAcls: on, blockPublicPolicy: on, restrictPublicBuckets: on },
  };
}

export const efsSpec: AwsTypeSpec = {
  type: "AWS::EFS::FileSystem",
  flaws: ["unencrypted", "no-backup-policy", "phi-in-dev"],
  weight: 1,
  build(ctx, flaws) {
    const id = `fs-${ctx.rng.hex(17)}`;
    const name = `${systemName(ctx)}-shared`;
    const tags = tagsFor(ctx, name, flaws, true);
    const encrypted = !flaws.has("unencrypted");
    const arn = `arn:aws:elasticfilesystem:${ctx.region}:${ctx.accountId}:file-system/${id}`;
    return {
      resourceId: id, resourceName: name, arn, availabilityZone: "Regional", createdAt: isoDaysAgo(ctx, 10, 900),
      configuration: {
        FileSystemId: id, Arn: arn, Encrypted: encrypted, ...(encrypted ? { KmsKeyId: kmsKeyArn(ctx) } : {}),
        PerformanceMode: "generalPurpose", ThroughputMode: "bursting", BackupPolicy: { Status: flaws.has("no-backup-policy") ? "DISABLED" : "ENABLED" },
        LifecyclePolicies: [{ TransitionToIA: "AFTER_30_DAYS" }], FileSystemTags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
        FileSystemPolicy: {},
      },
      tags,
    };
  },
};

export const dynamoTableSpec: AwsTypeSpec = {
  type: "AWS::DynamoDB::Table",
  flaws: ["default-encryption", "no-pitr", "phi-in-dev", "unclassified"],
  weight: 3,
  build(ctx, flaws) {
    const name = uniqueName(ctx, "table", () => `${systemName(ctx)}-${ctx.rng.pick(["events", "sessions", "records", "index", "audit"])}`);
    const arn = `arn:aws:dynamodb:${ctx.region}:${ctx.accountId}:table/${name}`;
    const created = isoDaysAgo(ctx, 5, 900);
    const pitr = !flaws.has("no-pitr");
    return {
      resourceId: name, resourceName: name, arn, availabilityZone: "Regional", createdAt: created,
      configuration: {
        attributeDefinitions: [{ attributeName: "pk", attributeType: "S" }, { attributeName: "sk", attributeType: "S" }],
        tableName: name, keySchema: [{ attributeName: "pk", keyType: "HASH" }, { attributeName: "sk", keyType: "RANGE" }],
        tableStatus: "ACTIVE", creationDateTime: created, provisionedThroughput: { numberOfDecreasesToday: 0, readCapacityUnits: 0, writeCapacityUnits: 0 },
        tableSizeBytes: ctx.rng.int(1000, 9_000_000_000), itemCount: ctx.rng.int(0, 20_000_000), tableArn: arn, tableId: uuid(ctx),
        billingModeSummary: { billingMode: "PAY_PER_REQUEST" }, deletionProtectionEnabled: ctx.rng.chance(0.5),
        ...(flaws.has("default-encryption") ? {} : { ssedescription: { status: "ENABLED", ssetype: "KMS", kmsmasterKeyArn: kmsKeyArn(ctx) } }),
      },
      supplementaryConfiguration: {
        ContinuousBackupsDescription: {
          continuousBackupsStatus: "ENABLED",
          pointInTimeRecoveryDescription: pitr
            ? { pointInTimeRecoveryStatus: "ENABLED", earliestRestorableDateTime: isoDaysAgo(ctx, 34, 35), latestRestorableDateTime: isoDaysAgo(ctx, 0, 0.01) }
            : { pointInTimeRecoveryStatus: "DISABLED" },
        },
      },
      tags: tagsFor(ctx, name, flaws, true),
    };
  },
};

export function kmsKeyDraft(ctx: AwsContext, flaws: ReadonlySet<string>, keyId: string, alias: string, awsManaged = false): Draft {
  const arn = `arn:aws:kms:${ctx.region}:${ctx.accountId}:key/${keyId}`;
  const pending = flaws.has("pending-deletion");
  const created = isoDaysAgo(ctx, 60, 1500);
  return {
    resourceId: keyId, resourceName: null, arn, availabilityZone: "Not Applicable", createdAt: created,
    configuration: {
      aWSAccountId: ctx.accountId, keyId, arn, creationDate: created, enabled: !pending, description: awsManaged ? `Default key that protects my ${alias} data when no other key is defined` : `${alias} data key`,
      keyUsage: "ENCRYPT_DECRYPT", keyState: pending ? "PendingDeletion" : "Enabled", origin: "AWS_KMS", keyManager: awsManaged ? "AWS" : "CUSTOMER",
      customerMasterKeySpec: "SYMMETRIC_DEFAULT", keySpec: "SYMMETRIC_DEFAULT", encryptionAlgorithms: ["SYMMETRIC_DEFAULT"], multiRegion: false,
      ...(pending ? { deletionDate: new Date(ctx.referenceMs + 7 * 86_400_000).toISOString(), pendingDeletionWindowInDays: 7 } : {}),
    },
    supplementaryConfiguration: {
      KeyRotationStatus: awsManaged || !flaws.has("rotation-off"),
      Policy: JSON.stringify({
        Version: "2012-10-17", Id: "key-default-1",
        Statement: [
          { Sid: "Enable IAM User Permissions", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ctx.accountId}:root` }, Action: "kms:*", Resource: "*" },
          ...(flaws.has("public-policy") ? [{ Sid: "AllowEveryone", Effect: "Allow", Principal: "*", Action: ["kms:Decrypt", "kms:DescribeKey"], Resource: "*" }] : []),
        ],
      }),
    },
    tags: awsManaged ? {} : { Name: alias, Team: "security" },
  };
}

export const kmsKeySpec: AwsTypeSpec = {
  type: "AWS::KMS::Key",
  flaws: ["rotation-off", "pending-deletion", "public-policy"],
  weight: 2,
  build(ctx, flaws) {
    return kmsKeyDraft(ctx, flaws, uuid(ctx), systemName(ctx));
  },
};

export const secretSpec: AwsTypeSpec = {
  type: "AWS::SecretsManager::Secret",
  flaws: ["rotation-off"],
  weight: 2,
  build(ctx, flaws) {
    const name = uniqueName(ctx, "secret", () => `${ctx.rng.pick(["prod", "staging"])}/${systemName(ctx)}/credentials`);
    const arn = `arn:aws:secretsmanager:${ctx.region}:${ctx.accountId}:secret:${name}-${ctx.rng.hex(6)}`;
    const rotation = !flaws.has("rotation-off");
    return {
      resourceId: arn, resourceName: name, arn, availabilityZone: "Regional", createdAt: isoDaysAgo(ctx, 20, 800),
      configuration: {
        ARN: arn, Name: name, Description: `Database credentials for ${name.split("/")[1]}`, KmsKeyId: kmsKeyArn(ctx), RotationEnabled: rotation,
        ...(rotation ? { RotationLambdaARN: `arn:aws:lambda:${ctx.region}:${ctx.accountId}:function:secrets-rotation`, RotationRules: { AutomaticallyAfterDays: 30 } } : {}),
        LastChangedDate: isoDaysAgo(ctx, 1, 40),
      },
      tags: { Team: "platform" },
    };
  },
};

export const snsTopicSpec: AwsTypeSpec = {
  type: "AWS::SNS::Topic",
  flaws: ["no-kms"],
  weight: 1,
  build(ctx, flaws) {
    const name = uniqueName(ctx, "topic", () => `${systemName(ctx)}-alerts`);
    const arn = `arn:aws:sns:${ctx.region}:${ctx.accountId}:${name}`;
    return {
      resourceId: arn, resourceName: name, arn, availabilityZone: "Not Applicable",
      configuration: { TopicArn: arn, TopicName: name, DisplayName: name, ...(flaws.has("no-kms") ? {} : { KmsMasterKeyId: "alias/aws/sns" }), Subscription: [], Tags: [] },
      tags: { Team: "platform" },
    };
  },
};
