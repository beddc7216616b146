// Amazon S3 buckets (AWS::S3::Bucket) and the account-wide public access block.
import { aws, field, fix, isTrue } from "../../lib/define";
import { asArray, dig, isObj, p, read, truthy } from "../../lib/path";
import { deniesInsecureTransport, deniesOldTls, grantsAction, isPublicAllow, parsePolicyCached, type ParsedPolicy } from "../../lib/policy";
import { error, ev, fail, pass, verdict } from "../../lib/result";
import type { ResourceSnapshot } from "../../snapshot";
import type { CheckResult } from "../../types";
import { C, cite } from "../../rule/citations";

const T = "AWS::S3::Bucket";
const SSE = p("supplementaryConfiguration.ServerSideEncryptionConfiguration");
const POLICY = p("supplementaryConfiguration.BucketPolicy");
const POLICY_TEXT = "supplementaryConfiguration.BucketPolicy.policyText";
const ACL = p("supplementaryConfiguration.AccessControlList");
const PAB = p("supplementaryConfiguration.PublicAccessBlockConfiguration");
const VERSIONING = p("supplementaryConfiguration.BucketVersioningConfiguration");
const LOGGING = p("supplementaryConfiguration.BucketLoggingConfiguration.destinationBucketName");
const OBJECT_LOCK = p("supplementaryConfiguration.ObjectLockConfiguration.objectLockEnabled");
const REPLICATION = p("supplementaryConfiguration.BucketReplicationConfiguration");
const ALG_KEYS = ["applyServerSideEncryptionByDefault", "sseAlgorithm"];
const KEY_KEYS = ["applyServerSideEncryptionByDefault", "kmsMasterKeyID"];

function sseRules(r: ResourceSnapshot): readonly unknown[] | undefined {
  const sse = read(r, SSE);
  if (!isObj(sse)) return undefined;
  return asArray(sse.rules);
}

/** The bucket policy, parsed once per snapshot; undefined when the bucket has none. */
export function bucketPolicy(r: ResourceSnapshot): ParsedPolicy | undefined {
  const holder = read(r, POLICY);
  if (!isObj(holder)) return undefined;
  const text = holder.policyText;
  if (text === null || text === undefined || text === "") return undefined;
  return parsePolicyCached(holder, text);
}

/** All four bucket-level public access block settings on. */
export function pabAllOn(r: ResourceSnapshot): boolean {
  const v = read(r, PAB);
  return isObj(v) && isTrue(v.blockPublicAcls) && isTrue(v.ignorePublicAcls) && isTrue(v.blockPublicPolicy) && isTrue(v.restrictPublicBuckets);
}

const PUBLIC_GRANTEES = new Set(["AllUsers", "AuthenticatedUsers", "http://acs.amazonaws.com/groups/global/AllUsers", "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"]);
const granteeName = (g: unknown): string =>
  typeof g === "string" ? g : isObj(g) ? String(g.uri ?? g.URI ?? g.id ?? g.typeIdentifier ?? "") : "";

export function publicAccess(r: ResourceSnapshot, permissions: readonly string[], actions: readonly string[]): CheckResult {
  if (pabAllOn(r)) return pass([{ path: PAB.path, value: read(r, PAB), expected: "all four settings true" }], "public access block overrides ACLs and policy");
  const evidence = [];
  const acl = read(r, ACL);
  if (isObj(acl)) {
    for (const g of asArray(acl.grantList)) {
      if (!isObj(g)) continue;
      const who = granteeName(g.grantee);
      if (PUBLIC_GRANTEES.has(who) && permissions.includes(String(g.permission))) {
        evidence.push(ev("supplementaryConfiguration.AccessControlList.grantList", { grantee: who, permission: g.permission }, "no grant to AllUsers/AuthenticatedUsers"));
      }
    }
  }
  const pol = bucketPolicy(r);
  if (pol && !pol.ok) return error(`bucket policy could not be read: ${pol.reason}`, [ev(POLICY_TEXT, "unparseable")]);
  if (pol?.ok) {
    for (const s of pol.statements) {
      if (isPublicAllow(s) && actions.some((a) => grantsAction(s, a))) {
        evidence.push(ev(POLICY_TEXT, { Sid: s.sid ?? null, Effect: "Allow", Principal: "*", Action: s.actions }, "no unconditioned Allow to Principal *"));
      }
    }
  }
  if (evidence.length > 0) return fail(evidence);
  return pass([ev(ACL.path, "no public grant"), ev(POLICY_TEXT, pol ? "no public Allow" : null)]);
}

export const s3Checks = [
  aws({
    id: "aws.s3.bucket.default-encryption",
    resourceType: T,
    title: "S3 bucket has default server-side encryption",
    rationale: "Objects holding ePHI must be encrypted at rest; default encryption applies to every object written without an explicit header.",
    severity: "high",
    citations: C.encryptionAtRest,
    reads: ["supplementaryConfiguration.ServerSideEncryptionConfiguration.rules[].applyServerSideEncryptionByDefault.sseAlgorithm"],
    remediation: fix("S3 > bucket > Properties > Default encryption > Edit: SSE-KMS.", "aws s3api put-bucket-encryption --bucket BUCKET --server-side-encryption-configuration '{\"Rules\":[{\"ApplyServerSideEncryptionByDefault\":{\"SSEAlgorithm\":\"aws:kms\"}}]}'", "resource \"aws_s3_bucket_server_side_encryption_configuration\" { rule { apply_server_side_encryption_by_default { sse_algorithm = \"aws:kms\" } } }"),
    evaluate(r) {
      const rules = sseRules(r);
      if (!rules) return fail([ev(SSE.path, null, "a rule with sseAlgorithm")], "no default encryption configuration recorded");
      for (const rule of rules) {
        const alg = dig(rule, ALG_KEYS);
        if (typeof alg === "string" && alg !== "") return pass([ev(`${SSE.path}.rules[].applyServerSideEncryptionByDefault.sseAlgorithm`, alg)]);
      }
      return fail([ev(`${SSE.path}.rules`, rules, "a rule with sseAlgorithm")]);
    },
  }),
  aws({
    id: "aws.s3.bucket.kms-encryption",
    resourceType: T,
    title: "S3 bucket encrypts by default with a KMS key",
    rationale: "SSE-KMS puts decryption behind a key policy and logs every use of the key in CloudTrail, unlike SSE-S3.",
    severity: "medium",
    citations: cite(C.encryptionAtRest, C.keyManagement),
    reads: ["supplementaryConfiguration.ServerSideEncryptionConfiguration.rules[].applyServerSideEncryptionByDefault.sseAlgorithm", "...kmsMasterKeyID"],
    remediation: fix("S3 > bucket > Properties > Default encryption: SSE-KMS with a customer managed key.", "aws s3api put-bucket-encryption --bucket BUCKET --server-side-encryption-configuration '{\"Rules\":[{\"ApplyServerSideEncryptionByDefault\":{\"SSEAlgorithm\":\"aws:kms\",\"KMSMasterKeyID\":\"KEY_ARN\"}}]}'", "apply_server_side_encryption_by_default { sse_algorithm = \"aws:kms\"  kms_master_key_id = aws_kms_key.phi.arn }"),
    evaluate(r) {
      const rules = sseRules(r);
      if (!rules) return fail([ev(SSE.path, null, "aws:kms")]);
      for (const rule of rules) {
        const alg = dig(rule, ALG_KEYS);
        if (alg === "aws:kms" || alg === "aws:kms:dsse") return pass([ev(`${SSE.path}.rules[].applyServerSideEncryptionByDefault.sseAlgorithm`, alg), ev(`${SSE.path}.rules[].applyServerSideEncryptionByDefault.kmsMasterKeyID`, dig(rule, KEY_KEYS) ?? null)]);
      }
      return fail([ev(`${SSE.path}.rules[].applyServerSideEncryptionByDefault.sseAlgorithm`, rules.map((x) => dig(x, ALG_KEYS) ?? null), "aws:kms")]);
    },
  }),
  aws({
    id: "aws.s3.bucket.secure-transport-policy",
    resourceType: T,
    title: "S3 bucket policy denies requests not sent over TLS",
    rationale: "Only a bucket policy that denies aws:SecureTransport=false to every principal guarantees ePHI never leaves the bucket in clear text.",
    severity: "high",
    citations: C.encryptionInTransit,
    reads: [POLICY_TEXT],
    remediation: fix("S3 > bucket > Permissions > Bucket policy: add a Deny for all principals, Action s3:*, Resource bucket and bucket/*, Condition Bool aws:SecureTransport false.", "aws s3api put-bucket-policy --bucket BUCKET --policy file://deny-insecure-transport.json", "data \"aws_iam_policy_document\" { statement { effect = \"Deny\" principals { type = \"*\" identifiers = [\"*\"] } actions = [\"s3:*\"] condition { test = \"Bool\" variable = \"aws:SecureTransport\" values = [\"false\"] } } }"),
    evaluate(r) {
      const pol = bucketPolicy(r);
      if (!pol) return fail([ev(POLICY_TEXT, null, "Deny s3:* to * when aws:SecureTransport is false")], "bucket has no policy");
      if (!pol.ok) return error(`bucket policy could not be read: ${pol.reason}`, [ev(POLICY_TEXT, "unparseable")]);
      for (const s of pol.statements) {
        if (deniesInsecureTransport(s, r.resourceId)) return pass([ev(POLICY_TEXT, { Sid: s.sid ?? null, Effect: "Deny", Action: s.actions, Resource: s.resources, Condition: "aws:SecureTransport=false" })]);
      }
      return fail([ev(POLICY_TEXT, `${pol.statements.length} statement(s), none denies insecure transport for all principals`, "Deny s3:* to * when aws:SecureTransport is false")]);
    },
  }),
  aws({
    id: "aws.s3.bucket.min-tls-policy",
    resourceType: T,
    title: "S3 bucket policy denies TLS versions below 1.2",
    rationale: "TLS 1.0 and 1.1 are deprecated; a NumericLessThan s3:TlsVersion 1.2 deny enforces the minimum for every client.",
    severity: "low",
    citations: C.encryptionInTransit,
    reads: [POLICY_TEXT],
    remediation: fix("Bucket policy: add a Deny for all principals on s3:* with Condition NumericLessThan s3:TlsVersion 1.2.", "aws s3api put-bucket-policy --bucket BUCKET --policy file://deny-old-tls.json", "condition { test = \"NumericLessThan\" variable = \"s3:TlsVersion\" values = [\"1.2\"] }"),
    evaluate(r) {
      const pol = bucketPolicy(r);
      if (!pol) return fail([ev(POLICY_TEXT, null, "Deny when s3:TlsVersion < 1.2")], "bucket has no policy");
      if (!pol.ok) return error(`bucket policy could not be read: ${pol.reason}`);
      const s = pol.statements.find(deniesOldTls);
      return s ? pass([ev(POLICY_TEXT, { Sid: s.sid ?? null, Condition: "NumericLessThan s3:TlsVersion 1.2" })]) : fail([ev(POLICY_TEXT, "no TLS version deny", "Deny when s3:TlsVersion < 1.2")]);
    },
  }),
  aws({
    id: "aws.s3.bucket.no-public-read",
    resourceType: T,
    title: "S3 bucket does not allow public read",
    rationale: "A bucket readable by AllUsers, AuthenticatedUsers or Principal * discloses its ePHI to anyone on the Internet.",
    severity: "critical",
    citations: C.publicAccess,
    reads: ["supplementaryConfiguration.AccessControlList.grantList", POLICY_TEXT, PAB.path],
    remediation: fix("S3 > bucket > Permissions > Block public access: turn on all four settings; remove public ACL grants and policy statements.", "aws s3api put-public-access-block --bucket BUCKET --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true", "resource \"aws_s3_bucket_public_access_block\" { block_public_acls = true  ignore_public_acls = true  block_public_policy = true  restrict_public_buckets = true }"),
    evaluate: (r) => publicAccess(r, ["Read", "FullControl"], ["s3:GetObject", "s3:ListBucket"]),
  }),
  aws({
    id: "aws.s3.bucket.no-public-write",
    resourceType: T,
    title: "S3 bucket does not allow public write",
    rationale: "Public write lets anyone alter or destroy ePHI, defeating integrity controls.",
    severity: "critical",
    citations: cite(C.publicAccess, ["164.312(c)(1)"]),
    reads: ["supplementaryConfiguration.AccessControlList.grantList", POLICY_TEXT, PAB.path],
    remediation: fix("S3 > bucket > Permissions: enable Block public access; remove Write/WriteAcp/FullControl grants to AllUsers and public Allow of s3:Put*/s3:Delete*.", "aws s3api put-bucket-acl --bucket BUCKET --acl private", "resource \"aws_s3_bucket_public_access_block\" { block_public_acls = true  block_public_policy = true }"),
    evaluate: (r) => publicAccess(r, ["Write", "WriteAcp", "FullControl"], ["s3:PutObject", "s3:DeleteObject", "s3:PutBucketPolicy"]),
  }),
  aws({
    id: "aws.s3.bucket.policy-no-public-principal",
    resourceType: T,
    title: "S3 bucket policy grants nothing to Principal * without a condition",
    rationale: "Any unconditioned Allow to everyone, whatever the action, opens the bucket beyond the organisation's workforce.",
    severity: "high",
    citations: cite(C.publicAccess, ["164.308(a)(4)(ii)(B)"]),
    reads: [POLICY_TEXT],
    remediation: fix("Bucket policy: scope Principal to account or role ARNs, or add aws:PrincipalOrgID / aws:SourceVpce conditions.", "aws s3api put-bucket-policy --bucket BUCKET --policy file://scoped.json", "principals { type = \"AWS\" identifiers = [aws_iam_role.app.arn] }"),
    evaluate(r) {
      const pol = bucketPolicy(r);
      if (!pol) return pass([ev(POLICY_TEXT, null)], "bucket has no policy");
      if (!pol.ok) return error(`bucket policy could not be read: ${pol.reason}`);
      const open = pol.statements.filter(isPublicAllow);
      return open.length === 0 ? pass([ev(POLICY_TEXT, "no unconditioned Allow to *")]) : fail(open.map((s) => ev(POLICY_TEXT, { Sid: s.sid ?? null, Action: s.actions }, "no unconditioned Allow to Principal *")));
    },
  }),
  aws({
    id: "aws.s3.bucket.public-access-block",
    resourceType: T,
    title: "S3 bucket blocks public access (all four settings)",
    rationale: "The bucket-level public access block stops a later ACL or policy change from exposing ePHI.",
    severity: "high",
    citations: C.publicAccess,
    reads: [`${PAB.path}.blockPublicAcls|ignorePublicAcls|blockPublicPolicy|restrictPublicBuckets`],
    remediation: fix("S3 > bucket > Permissions > Block public access > Edit: all on.", "aws s3api put-public-access-block --bucket BUCKET --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true", "resource \"aws_s3_bucket_public_access_block\" { block_public_acls = true  ignore_public_acls = true  block_public_policy = true  restrict_public_buckets = true }"),
    evaluate: (r) => verdict(pabAllOn(r), [ev(PAB.path, read(r, PAB) ?? null, "all four settings true")]),
  }),
  aws({
    id: "aws.s3.bucket.access-logging",
    resourceType: T,
    title: "S3 bucket has server access logging",
    rationale: "Access logs record who read or changed ePHI objects, supporting information system activity review.",
    severity: "medium",
    citations: C.auditLogging,
    reads: [LOGGING.path],
    remediation: fix("S3 > bucket > Properties > Server access logging > Enable, target a log bucket.", "aws s3api put-bucket-logging --bucket BUCKET --bucket-logging-status '{\"LoggingEnabled\":{\"TargetBucket\":\"LOGS\",\"TargetPrefix\":\"BUCKET/\"}}'", "resource \"aws_s3_bucket_logging\" { target_bucket = aws_s3_bucket.logs.id  target_prefix = \"BUCKET/\" }"),
    evaluate: field({ path: LOGGING.path, ok: (v) => typeof v === "string" && v !== "", expected: "a target bucket", missing: "fail" }),
  }),
  aws({
    id: "aws.s3.bucket.versioning",
    resourceType: T,
    title: "S3 bucket has versioning enabled",
    rationale: "Versioning keeps prior object versions so altered or deleted ePHI can be recovered.",
    severity: "medium",
    citations: cite(C.integrity, C.backup),
    reads: [`${VERSIONING.path}.status`],
    remediation: fix("S3 > bucket > Properties > Bucket versioning > Enable.", "aws s3api put-bucket-versioning --bucket BUCKET --versioning-configuration Status=Enabled", "resource \"aws_s3_bucket_versioning\" { versioning_configuration { status = \"Enabled\" } }"),
    evaluate: field({ path: `${VERSIONING.path}.status`, ok: (v) => v === "Enabled", expected: "Enabled", missing: "fail" }),
  }),
  aws({
    id: "aws.s3.bucket.object-lock",
    resourceType: T,
    title: "S3 bucket has Object Lock enabled",
    rationale: "Object Lock (WORM) prevents ePHI and audit records from being overwritten or deleted during retention.",
    severity: "low",
    citations: C.integrity,
    reads: [OBJECT_LOCK.path],
    remediation: fix("Object Lock can be enabled on existing buckets: S3 > bucket > Properties > Object Lock > Edit.", "aws s3api put-object-lock-configuration --bucket BUCKET --object-lock-configuration '{\"ObjectLockEnabled\":\"Enabled\"}'", "resource \"aws_s3_bucket_object_lock_configuration\" { rule { default_retention { mode = \"GOVERNANCE\" days = 365 } } }"),
    evaluate: field({ path: OBJECT_LOCK.path, ok: (v) => v === "Enabled", expected: "Enabled", missing: "fail" }),
  }),
  aws({
    id: "aws.s3.bucket.mfa-delete",
    resourceType: T,
    title: "S3 bucket requires MFA to delete versions",
    rationale: "MFA delete stops a stolen credential from permanently destroying object versions.",
    severity: "low",
    citations: C.integrity,
    reads: [`${VERSIONING.path}.isMfaDeleteEnabled`],
    remediation: fix("Only the root user can enable MFA delete, with the CLI.", "aws s3api put-bucket-versioning --bucket BUCKET --versioning-configuration Status=Enabled,MFADelete=Enabled --mfa 'SERIAL CODE'", "versioning_configuration { status = \"Enabled\"  mfa_delete = \"Enabled\" }"),
    evaluate: field({ path: `${VERSIONING.path}.isMfaDeleteEnabled`, ok: (v) => truthy(v) === true, expected: true, missing: "fail" }),
  }),
  aws({
    id: "aws.s3.bucket.replication",
    resourceType: T,
    title: "S3 bucket replicates to another bucket",
    rationale: "Replication keeps a second copy of ePHI for disaster recovery.",
    severity: "low",
    citations: cite(C.backup, ["164.308(a)(7)(ii)(C)"]),
    reads: [`${REPLICATION.path}.rules.*.status`],
    remediation: fix("S3 > bucket > Management > Replication rules > Create.", "aws s3api put-bucket-replication --bucket BUCKET --replication-configuration file://replication.json", "resource \"aws_s3_bucket_replication_configuration\" { rule { status = \"Enabled\" destination { bucket = aws_s3_bucket.dr.arn } } }"),
    evaluate(r) {
      const rep = read(r, REPLICATION);
      if (!isObj(rep)) return fail([ev(REPLICATION.path, null, "an Enabled rule")]);
      const rules = isObj(rep.rules) ? Object.values(rep.rules) : asArray(rep.rules);
      const on = rules.some((x) => isObj(x) && x.status === "Enabled");
      return verdict(on, [ev(`${REPLICATION.path}.rules`, rules.map((x) => (isObj(x) ? x.status : null)), "an Enabled rule")]);
    },
  }),
  aws({
    id: "aws.s3.account.public-access-block",
    resourceType: "AWS::S3::AccountPublicAccessBlock",
    title: "Account-level S3 public access block is on",
    rationale: "The account-wide block overrides every bucket, so no single misconfigured bucket can expose ePHI.",
    severity: "high",
    citations: C.publicAccess,
    reads: ["configuration.blockPublicAcls", "configuration.ignorePublicAcls", "configuration.blockPublicPolicy", "configuration.restrictPublicBuckets"],
    remediation: fix("S3 > Block Public Access settings for this account > Edit: all on.", "aws s3control put-public-access-block --account-id ACCOUNT --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true", "resource \"aws_s3_account_public_access_block\" { block_public_acls = true  ignore_public_acls = true  block_public_policy = true  restrict_public_buckets = true }"),
    evaluate(r) {
      const c = r.configuration ?? {};
      const keys = ["blockPublicAcls", "ignorePublicAcls", "blockPublicPolicy", "restrictPublicBuckets"];
      const evidence = keys.map((k) => ev(`configuration.${k}`, c[k] ?? null, true));
      return verdict(keys.every((k) => isTrue(c[k])), evidence);
    },
  }),
];
