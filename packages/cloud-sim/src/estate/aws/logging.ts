// CloudTrail trails (with their S3 bucket), Config recorders, GuardDuty detectors and CloudWatch Logs log groups.
import type { TrailEventSelectors } from "../model";
import type { AwsContext, AwsTypeSpec, Draft } from "./context";
import { isoDaysAgo, kmsKeyArn, systemName, uniqueName } from "./context";
import { bucketDraft } from "./storage";

const managementOnly = (dataResources: { Type: string; Values: string[] }[] = []) => ({
  ReadWriteType: "All", IncludeManagementEvents: true, DataResources: dataResources, ExcludeManagementEventSources: [],
});

/**
 * Event selectors (CloudTrail GetEventSelectors), decided from the trail's name and the account's flaws
 * with no random draw, so adding them left every other generated value as it was. The organisation trail
 * logs S3 data events through advanced selectors, a "data-events" trail through basic ones, a
 * "compliance" trail only for its own bucket (does not cover every bucket); accounts with the
 * "no-s3-data-events" flaw log management events only.
 */
function trailSelectors(ctx: AwsContext, name: string, bucket: string): TrailEventSelectors {
  const none: TrailEventSelectors = { EventSelectors: [managementOnly()], AdvancedEventSelectors: [] };
  if (ctx.accountFlaws.has("no-s3-data-events")) return none;
  if (name === "organization-audit") {
    return {
      EventSelectors: [],
      AdvancedEventSelectors: [
        { Name: "Management events", FieldSelectors: [{ Field: "eventCategory", Equals: ["Management"] }] },
        { Name: "S3 data events, all buckets", FieldSelectors: [{ Field: "eventCategory", Equals: ["Data"] }, { Field: "resources.type", Equals: ["AWS::S3::Object"] }] },
      ],
    };
  }
  if (name.startsWith("data-events")) return { EventSelectors: [managementOnly([{ Type: "AWS::S3::Object", Values: ["arn:aws:s3"] }])], AdvancedEventSelectors: [] };
  if (name.startsWith("compliance")) return { EventSelectors: [managementOnly([{ Type: "AWS::S3::Object", Values: [`arn:aws:s3:::${bucket}/`] }])], AdvancedEventSelectors: [] };
  return none;
}

export function trailDrafts(ctx: AwsContext, flaws: ReadonlySet<string>, name: string): Draft[] {
  const trailArn = `arn:aws:cloudtrail:${ctx.region}:${ctx.accountId}:trail/${name}`;
  const bucket = uniqueName(ctx, "bucket", () => `${ctx.alias}-${name}-${ctx.accountId}`);
  const logGroup = `aws-cloudtrail-logs-${name}`;
  ctx.trailLogging[trailArn] = !flaws.has("not-logging") && !ctx.accountFlaws.has("trails-stopped");
  ctx.trailEventSelectors[trailArn] = trailSelectors(ctx, name, bucket);
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

/**
 * CloudWatch Logs log groups (AWS Config does not record them; served by logs:DescribeLogGroups). The
 * configuration is the DescribeLogGroups element the collector keeps: everything but `storedBytes`, which
 * grows by the minute and would make every group look changed on every scan.
 */
export const logGroupSpec: AwsTypeSpec = {
  type: "AWS::Logs::LogGroup",
  flaws: ["no-kms", "short-retention"],
  weight: 0.6,
  build(ctx, flaws) {
    const system = systemName(ctx);
    const logGroupName = uniqueName(ctx, "log-group", () => ctx.rng.pick([`/aws/lambda/${system}`, `/ecs/${system}`, `/app/${system}/application`, `/aws/apigateway/${system}-access`]));
    const arn = `arn:aws:logs:${ctx.region}:${ctx.accountId}:log-group:${logGroupName}`;
    const retention = flaws.has("short-retention") ? ctx.rng.pick([3, 7, 14, 30, 90]) : ctx.rng.pick([365, 731, 2192, 3653, null]);
    return {
      resourceId: logGroupName, resourceName: logGroupName, arn, availabilityZone: "Not Applicable",
      configuration: {
        logGroupName, creationTime: Date.parse(isoDaysAgo(ctx, 5, 1500)),
        ...(retention === null ? {} : { retentionInDays: retention }),
        metricFilterCount: 0, arn: `${arn}:*`,
        ...(flaws.has("no-kms") ? {} : { kmsKeyId: kmsKeyArn(ctx) }),
        logGroupClass: "STANDARD", logGroupArn: arn,
      },
    };
  },
};
