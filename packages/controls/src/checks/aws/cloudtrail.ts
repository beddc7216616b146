// AWS CloudTrail trails, their log buckets (through the context) and per-region coverage.
import { aws, field, fix, isTrue, nonEmpty } from "../../lib/define";
import { asArray, isObj, read, p, truthy } from "../../lib/path";
import { error, ev, na, verdict } from "../../lib/result";
import { C, cite } from "../../rule/citations";
import type { ResourceSnapshot } from "../../snapshot";
import type { CheckResult, EvalContext } from "../../types";
import { pabAllOn, publicAccess } from "./s3";
import { REGION } from "./region-facts";

const TRAIL = "AWS::CloudTrail::Trail";
const BUCKET = "AWS::S3::Bucket";
const VERSION_STATUS = p("supplementaryConfiguration.BucketVersioningConfiguration.status");
const MFA_DELETE = p("supplementaryConfiguration.BucketVersioningConfiguration.isMfaDeleteEnabled");
const OBJECT_LOCK = p("supplementaryConfiguration.ObjectLockConfiguration.objectLockEnabled");

/** Runs `decide` on the trail's target bucket, or explains why it cannot. */
function onTrailBucket(r: ResourceSnapshot, ctx: EvalContext, decide: (b: ResourceSnapshot, name: string) => CheckResult): CheckResult {
  const name = r.configuration?.s3BucketName;
  if (typeof name !== "string" || name === "") return error("configuration.s3BucketName not recorded");
  const b = ctx.get(BUCKET, name);
  if (!b) return na(`log bucket ${name} is not in this scan (often a separate log-archive account)`, [ev("configuration.s3BucketName", name)]);
  return decide(b, name);
}

const trailFix = (what: string, cli: string, tf: string) => fix(`CloudTrail > Trails > trail > Edit: ${what}.`, cli, tf);

export const cloudtrailChecks = [
  aws({
    id: "aws.cloudtrail.trail.multi-region", resourceType: TRAIL, severity: "high", citations: C.auditLogging,
    title: "CloudTrail trail records all regions",
    rationale: "A multi-region trail captures API activity wherever it happens, including regions nobody is watching.",
    reads: ["configuration.isMultiRegionTrail", "configuration.includeGlobalServiceEvents"],
    remediation: trailFix("Apply trail to all regions", "aws cloudtrail update-trail --name TRAIL --is-multi-region-trail --include-global-service-events", "resource \"aws_cloudtrail\" { is_multi_region_trail = true }"),
    evaluate: field({ path: "configuration.isMultiRegionTrail", ok: isTrue, expected: true, missing: "fail" }),
  }),
  aws({
    id: "aws.cloudtrail.trail.log-file-validation", resourceType: TRAIL, severity: "medium", citations: C.logIntegrity,
    title: "CloudTrail trail validates log files",
    rationale: "Digest files prove audit logs were not altered or deleted after delivery.",
    reads: ["configuration.logFileValidationEnabled"],
    remediation: trailFix("Log file validation: Enabled", "aws cloudtrail update-trail --name TRAIL --enable-log-file-validation", "resource \"aws_cloudtrail\" { enable_log_file_validation = true }"),
    evaluate: field({ path: "configuration.logFileValidationEnabled", ok: isTrue, expected: true, missing: "fail" }),
  }),
  aws({
    id: "aws.cloudtrail.trail.kms-encryption", resourceType: TRAIL, severity: "medium", citations: cite(C.encryptionAtRest, ["164.312(b)"]),
    title: "CloudTrail logs are encrypted with a KMS key",
    rationale: "Audit logs reveal resource names and access patterns around ePHI; SSE-KMS restricts who can read them.",
    reads: ["configuration.kmsKeyId"],
    remediation: trailFix("Log file SSE-KMS encryption: Enabled", "aws cloudtrail update-trail --name TRAIL --kms-key-id KEY", "resource \"aws_cloudtrail\" { kms_key_id = aws_kms_key.logs.arn }"),
    evaluate: field({ path: "configuration.kmsKeyId", ok: nonEmpty, expected: "a KMS key", missing: "fail" }),
  }),
  aws({
    id: "aws.cloudtrail.trail.cloudwatch-logs", resourceType: TRAIL, severity: "low", citations: cite(C.auditLogging, C.alerting),
    title: "CloudTrail delivers to CloudWatch Logs",
    rationale: "Delivery to CloudWatch Logs enables metric filters and alarms on suspicious activity (log-in monitoring).",
    reads: ["configuration.cloudWatchLogsLogGroupArn"],
    remediation: trailFix("CloudWatch Logs: Enabled", "aws cloudtrail update-trail --name TRAIL --cloud-watch-logs-log-group-arn ARN --cloud-watch-logs-role-arn ROLE", "resource \"aws_cloudtrail\" { cloud_watch_logs_group_arn = \"${aws_cloudwatch_log_group.trail.arn}:*\" }"),
    evaluate: field({ path: "configuration.cloudWatchLogsLogGroupArn", ok: nonEmpty, expected: "a log group ARN", missing: "fail" }),
  }),
  aws({
    id: "aws.cloudtrail.trail.bucket-versioning", resourceType: TRAIL, severity: "medium", citations: C.logIntegrity, contextTypes: [BUCKET],
    title: "CloudTrail log bucket has versioning",
    rationale: "Versioning on the log bucket keeps overwritten or deleted audit logs recoverable.",
    reads: ["configuration.s3BucketName", "AWS::S3::Bucket supplementaryConfiguration.BucketVersioningConfiguration.status"],
    remediation: fix("S3 > log bucket > Properties > Bucket versioning > Enable.", "aws s3api put-bucket-versioning --bucket LOGS --versioning-configuration Status=Enabled", "resource \"aws_s3_bucket_versioning\" { versioning_configuration { status = \"Enabled\" } }"),
    evaluate: (r, ctx) => onTrailBucket(r, ctx, (b, name) => verdict(read(b, VERSION_STATUS) === "Enabled", [ev("configuration.s3BucketName", name), ev(`AWS::S3::Bucket(${name}).${VERSION_STATUS.path}`, read(b, VERSION_STATUS) ?? null, "Enabled")])),
  }),
  aws({
    id: "aws.cloudtrail.trail.bucket-object-lock", resourceType: TRAIL, severity: "low", citations: C.logIntegrity, contextTypes: [BUCKET],
    title: "CloudTrail log bucket has Object Lock",
    rationale: "Object Lock makes delivered audit logs immutable for their retention period.",
    reads: ["configuration.s3BucketName", "AWS::S3::Bucket supplementaryConfiguration.ObjectLockConfiguration.objectLockEnabled"],
    remediation: fix("S3 > log bucket > Properties > Object Lock > Enable, default retention in compliance or governance mode.", "aws s3api put-object-lock-configuration --bucket LOGS --object-lock-configuration file://lock.json", "resource \"aws_s3_bucket_object_lock_configuration\" {}"),
    evaluate: (r, ctx) => onTrailBucket(r, ctx, (b, name) => verdict(read(b, OBJECT_LOCK) === "Enabled", [ev("configuration.s3BucketName", name), ev(`AWS::S3::Bucket(${name}).${OBJECT_LOCK.path}`, read(b, OBJECT_LOCK) ?? null, "Enabled")])),
  }),
  aws({
    id: "aws.cloudtrail.trail.bucket-mfa-delete", resourceType: TRAIL, severity: "low", citations: C.logIntegrity, contextTypes: [BUCKET],
    title: "CloudTrail log bucket requires MFA delete",
    rationale: "MFA delete stops a stolen credential from erasing the audit trail.",
    reads: ["configuration.s3BucketName", "AWS::S3::Bucket supplementaryConfiguration.BucketVersioningConfiguration.isMfaDeleteEnabled"],
    remediation: fix("Root user, CLI only: enable MFA delete on the log bucket.", "aws s3api put-bucket-versioning --bucket LOGS --versioning-configuration Status=Enabled,MFADelete=Enabled --mfa 'SERIAL CODE'", "versioning_configuration { mfa_delete = \"Enabled\" }"),
    evaluate: (r, ctx) => onTrailBucket(r, ctx, (b, name) => verdict(truthy(read(b, MFA_DELETE)) === true, [ev("configuration.s3BucketName", name), ev(`AWS::S3::Bucket(${name}).${MFA_DELETE.path}`, read(b, MFA_DELETE) ?? null, true)])),
  }),
  aws({
    id: "aws.cloudtrail.trail.bucket-not-public", resourceType: TRAIL, severity: "critical", citations: cite(C.publicAccess, ["164.312(b)"]), contextTypes: [BUCKET],
    title: "CloudTrail log bucket is not publicly readable",
    rationale: "Public audit logs map the whole environment for an attacker.",
    reads: ["configuration.s3BucketName", "AWS::S3::Bucket AccessControlList, BucketPolicy, PublicAccessBlockConfiguration"],
    remediation: fix("S3 > log bucket > Permissions > Block public access: all on.", "aws s3api put-public-access-block --bucket LOGS --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true", "resource \"aws_s3_bucket_public_access_block\" {}"),
    evaluate: (r, ctx) => onTrailBucket(r, ctx, (b) => (pabAllOn(b) ? verdict(true, [ev("AWS::S3::Bucket.PublicAccessBlockConfiguration", "all four on")]) : publicAccess(b, ["Read", "FullControl"], ["s3:GetObject", "s3:ListBucket"]))),
  }),
  aws({
    id: "aws.cloudtrail.region.trail-logging", resourceType: REGION, severity: "high", citations: C.auditLogging,
    title: "A logging CloudTrail trail covers the region",
    rationale: "Every region needs a trail that is actually logging (GetTrailStatus IsLogging), or activity there goes unrecorded.",
    reads: ["configuration.trails[].isLogging|isMultiRegionTrail|homeRegion|name"],
    remediation: fix("CloudTrail > Create trail > apply to all regions; or Start logging on the stopped trail.", "aws cloudtrail start-logging --name TRAIL", "resource \"aws_cloudtrail\" { is_multi_region_trail = true  enable_logging = true }"),
    evaluate(r) {
      const trails = r.configuration?.trails;
      if (trails === null || trails === undefined) return error("CloudTrail trails could not be read for this region (configuration.trails is null)");
      const region = r.configuration?.region ?? r.region;
      const covering = asArray(trails).filter((t) => isObj(t) && (t.isMultiRegionTrail === true || t.homeRegion === region));
      const logging = covering.find((t) => isObj(t) && t.isLogging === true) as Record<string, unknown> | undefined;
      return verdict(logging !== undefined, [ev("configuration.trails", logging ? { name: logging.name, isMultiRegionTrail: logging.isMultiRegionTrail } : `${covering.length} covering trail(s), none logging`, "a covering trail with isLogging true")]);
    },
  }),
];
