// CloudTrail trails (with their S3 bucket), Config recorders and GuardDuty detectors.
import type { AwsContext, AwsTypeSpec, Draft } from "./context";
import { isoDaysAgo, kmsKeyArn, uniqueName } from "./context";
import { bucketDraft } from "./storage";

export function trailDrafts(ctx: AwsContext, flaws: ReadonlySet<string>, name: string): Draft[] {
  const trailArn = `arn:aws:cloudtrail:${ctx.region}:${ctx.accountId}:trail/${name}`;
  const bucket = uniqueName(ctx, "bucket", () => `${ctx.alias}-${name}-${ctx.accountId}`);
  const logGroup = `aws-cloudtrail-logs-${name}`;
  ctx.trailLogging[trailArn] = !flaws.has("not-logging") && !ctx.accountFlaws.has("trails-stopped");
  const trail: Draft = {
    resourceType: "AWS::CloudTrail::Trail", resourceId: name, resourceName: name, arn: trailArn, availabilityZone: "Not Applicable", createdAt: isoDaysAgo(ctx, 200, 1500),
    configuration: {
      name, s3BucketName: bucket, s3KeyPrefix: "", includeGlobalServiceEvents: !flaws.has("single-region"),
      isMultiRegionTrail: !flaws.has("single-region"), homeRegion: ctx.region, trailARN: trailArn,
      logFileValidationEnabled: !flaws.has("no-log-validation"),
      ...(flaws.has("no-cloudwatch") ? {} : {
        cloudWatchLogsLogGroupArn: `arn:aws:logs:${ctx.region}:${ctx.accountId}:log-group:${logGroup}:*`,
        cloudWatchLogsRoleArn: `arn:aws:iam::${ctx.accountId}:role/cloudtrail-to-cloudwatch`,
      }),
      ...(flaws.has("no-kms") ? {} : { kmsKeyId: kmsKeyArn(ctx) }),
      hasCustomEventSelectors: true, hasInsightSelectors: false, isOrganizationTrail: false,
    },
    // AWS Config does not record tags for trails (config-item-table.md).
    relationships: [{ resourceType: "AWS::S3::Bucket", resourceId: bucket, relationshipName: "Is associated with Bucket" }],
  };
  // The trail's destination bucket: CloudTrail's service principal may write, nobody else; MFA delete is the catalog's extra ask.
  const bucketFlaws = new Set<string>(["no-replication"]);
  if (flaws.has("bucket-no-mfa-delete")) bucketFlaws.add("no-mfa-delete");
  if (flaws.has("bucket-no-versioning")) bucketFlaws.add("no-versioning");
  if (flaws.has("bucket-no-object-lock")) bucketFlaws.add("no-object-lock");
  if (flaws.has("bucket-public")) bucketFlaws.add("public-read-acl");
  const destination = bucketDraft(ctx, bucketFlaws, {
    name: bucket,
    tags: { Name: bucket, Team: "security", Environment: "prod", DataClassification: "Internal" },
    extraStatements: [
      { Sid: "AWSCloudTrailAclCheck", Effect: "Allow", Principal: { Service: "cloudtrail.amazonaws.com" }, Action: "s3:GetBucketAcl", Resource: `arn:aws:s3:::${bucket}` },
      { Sid: "AWSCloudTrailWrite", Effect: "Allow", Principal: { Service: "cloudtrail.amazonaws.com" }, Action: "s3:PutObject", Resource: `arn:aws:s3:::${bucket}/AWSLogs/${ctx.accountId}/*`, Condition: { StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control" } } },
    ],
  });
  destination.resourceType = "AWS::S3::Bucket";
  destination.relationships = [{ resourceType: "AWS::CloudTrail::Trail", resourceId: name, relationshipName: "Is associated with Trail" }];
  return [trail, destination];
}

export const trailSpec: AwsTypeSpec = {
  type: "AWS::CloudTrail::Trail",
  flaws: ["single-region", "no-log-validation", "no-kms", "no-cloudwatch", "not-logging", "bucket-no-mfa-delete", "bucket-no-versioning", "bucket-no-object-lock", "bucket-public"],
  weight: 0.2,
  build(ctx, flaws) {
    const name = uniqueName(ctx, "trail", () => `${ctx.rng.pick(["audit", "security", "data-events", "compliance"])}-trail`);
    return trailDrafts(ctx, flaws, name);
  },
};

export function recorderDraft(ctx: AwsContext, name: string, allSupported: boolean, includeGlobal: boolean, recording: boolean): Draft {
  const roleARN = `arn:aws:iam::${ctx.accountId}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`;
  return {
    resourceId: name, resourceName: name, arn: `arn:aws:config:${ctx.region}:${ctx.accountId}:config-recorder/${name}`, availabilityZone: "Not Applicable",
    configuration: {
      Name: name, RoleARN: roleARN, Recording: recording,
      RecordingGroup: { AllSupported: allSupported, IncludeGlobalResourceTypes: includeGlobal, ResourceTypes: allSupported ? [] : ["AWS::S3::Bucket", "AWS::EC2::Instance"] },
      RecordingMode: { RecordingFrequency: "CONTINUOUS" },
    },
  };
}

export function detectorDraft(ctx: AwsContext, detectorId: string, enabled: boolean): Draft {
  return {
    resourceId: detectorId, resourceName: null, arn: `arn:aws:guardduty:${ctx.region}:${ctx.accountId}:detector/${detectorId}`, availabilityZone: "Not Applicable",
    createdAt: isoDaysAgo(ctx, 100, 1000),
    configuration: {
      Id: detectorId, Enable: enabled, FindingPublishingFrequency: "SIX_HOURS",
      DataSources: { S3Logs: { Enable: enabled }, Kubernetes: { AuditLogs: { Enable: enabled } }, MalwareProtection: { ScanEc2InstanceWithFindings: { EbsVolumes: false } } },
    },
  };
}
