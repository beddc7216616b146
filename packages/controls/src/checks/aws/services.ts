// Smaller services: SNS, SageMaker, EKS, Secrets Manager, DMS, CloudWatch Logs.
import { atLeast, aws, equalsCI, field, fix, isFalse, isTrue, nonEmpty } from "../../lib/define";
import { asArray, isObj, num } from "../../lib/path";
import { ev, verdict } from "../../lib/result";
import { C, cite } from "../../rule/citations";

const LOG_GROUP = "AWS::Logs::LogGroup";
const MIN_LOG_DAYS = 365;

export const servicesChecks = [
  aws({
    id: "aws.sns.topic.kms-encryption", resourceType: "AWS::SNS::Topic", severity: "medium", citations: C.encryptionAtRest,
    title: "SNS topic is encrypted with KMS",
    rationale: "Notifications can carry ePHI; server-side encryption protects messages at rest in SNS.",
    reads: ["configuration.KmsMasterKeyId"],
    remediation: fix("SNS > topic > Edit > Encryption: enable with a KMS key.", "aws sns set-topic-attributes --topic-arn ARN --attribute-name KmsMasterKeyId --attribute-value alias/aws/sns", "resource \"aws_sns_topic\" { kms_master_key_id = \"alias/aws/sns\" }"),
    evaluate: field({ path: "configuration.KmsMasterKeyId", ok: nonEmpty, expected: "a KMS key", missing: "fail" }),
  }),
  aws({
    id: "aws.sagemaker.notebook.kms-encryption", resourceType: "AWS::SageMaker::NotebookInstance", severity: "medium", citations: C.encryptionAtRest,
    title: "SageMaker notebook volume is encrypted with a KMS key",
    rationale: "Notebook volumes hold working copies of training data, often ePHI.",
    reads: ["configuration.KmsKeyId"],
    remediation: fix("Set at creation: recreate the notebook instance with a KMS key.", "aws sagemaker create-notebook-instance --kms-key-id KEY ...", "resource \"aws_sagemaker_notebook_instance\" { kms_key_id = aws_kms_key.phi.arn }"),
    evaluate: field({ path: "configuration.KmsKeyId", ok: nonEmpty, expected: "a KMS key", missing: "fail" }),
  }),
  aws({
    id: "aws.sagemaker.notebook.no-direct-internet", resourceType: "AWS::SageMaker::NotebookInstance", severity: "high", citations: C.publicAccess,
    title: "SageMaker notebook has no direct Internet access",
    rationale: "Direct Internet access bypasses the VPC's egress controls, an easy exfiltration path for ePHI.",
    reads: ["configuration.DirectInternetAccess"],
    remediation: fix("Set at creation: recreate in a VPC subnet with Direct internet access disabled.", "aws sagemaker create-notebook-instance --direct-internet-access Disabled --subnet-id S ...", "resource \"aws_sagemaker_notebook_instance\" { direct_internet_access = \"Disabled\" }"),
    evaluate: field({ path: "configuration.DirectInternetAccess", ok: equalsCI("Disabled"), expected: "Disabled", missing: "fail" }),
  }),
  aws({
    id: "aws.eks.cluster.secrets-encrypted", resourceType: "AWS::EKS::Cluster", severity: "medium", citations: C.encryptionAtRest,
    title: "EKS cluster encrypts Kubernetes secrets with KMS",
    rationale: "Envelope encryption keeps database passwords and keys in etcd unreadable without the KMS key.",
    reads: ["configuration.EncryptionConfig[].Resources", "configuration.EncryptionConfig[].Provider.KeyArn"],
    remediation: fix("EKS > cluster > Overview > Secrets encryption: enable with a KMS key.", "aws eks associate-encryption-config --cluster-name C --encryption-config resources=secrets,provider={keyArn=KEY}", "encryption_config { resources = [\"secrets\"] provider { key_arn = aws_kms_key.eks.arn } }"),
    evaluate(r) {
      const cfg = asArray(r.configuration?.EncryptionConfig ?? r.configuration?.encryptionConfig).filter(isObj);
      const ok = cfg.some((c) => asArray(c.Resources ?? c.resources).includes("secrets"));
      return verdict(ok, [ev("configuration.EncryptionConfig[].Resources", cfg.map((c) => c.Resources ?? c.resources ?? null), "contains \"secrets\"")]);
    },
  }),
  aws({
    id: "aws.eks.cluster.private-endpoint", resourceType: "AWS::EKS::Cluster", severity: "medium", citations: C.publicAccess,
    title: "EKS API endpoint is not open to the whole Internet",
    rationale: "A public API endpoint open to 0.0.0.0/0 exposes cluster control to credential-stuffing.",
    reads: ["configuration.ResourcesVpcConfig.EndpointPublicAccess", "configuration.ResourcesVpcConfig.PublicAccessCidrs"],
    remediation: fix("EKS > cluster > Networking > Manage endpoint access: Private, or restrict public CIDRs.", "aws eks update-cluster-config --name C --resources-vpc-config endpointPublicAccess=false,endpointPrivateAccess=true", "vpc_config { endpoint_public_access = false  endpoint_private_access = true }"),
    evaluate(r) {
      const v = r.configuration?.ResourcesVpcConfig;
      if (!isObj(v)) return verdict(false, [ev("configuration.ResourcesVpcConfig", null)], "endpoint access not recorded");
      const cidrs = asArray(v.PublicAccessCidrs);
      const open = v.EndpointPublicAccess === true && (cidrs.length === 0 || cidrs.includes("0.0.0.0/0"));
      return verdict(!open, [ev("configuration.ResourcesVpcConfig.EndpointPublicAccess", v.EndpointPublicAccess ?? null, false), ev("configuration.ResourcesVpcConfig.PublicAccessCidrs", cidrs, "not 0.0.0.0/0")]);
    },
  }),
  aws({
    id: "aws.secretsmanager.secret.rotation", resourceType: "AWS::SecretsManager::Secret", severity: "medium", citations: C.credentialLifecycle,
    title: "Secrets Manager secret rotates automatically",
    rationale: "Rotated database and API credentials limit the life of a leaked secret.",
    reads: ["configuration.RotationEnabled", "configuration.RotationRules.AutomaticallyAfterDays"],
    remediation: fix("Secrets Manager > secret > Rotation > Edit rotation: on, with a rotation function.", "aws secretsmanager rotate-secret --secret-id S --rotation-lambda-arn FN --rotation-rules AutomaticallyAfterDays=90", "resource \"aws_secretsmanager_secret_rotation\" { rotation_rules { automatically_after_days = 90 } }"),
    evaluate: field({ path: "configuration.RotationEnabled", ok: isTrue, expected: true, missing: "fail" }),
  }),
  aws({
    id: "aws.dms.replication-instance.not-public", resourceType: "AWS::DMS::ReplicationInstance", severity: "critical", citations: C.publicAccess,
    title: "DMS replication instance is not publicly accessible",
    rationale: "Replication instances stream whole databases; a public one exposes them in transit.",
    reads: ["configuration.PubliclyAccessible"],
    remediation: fix("Set at creation: recreate the replication instance without public accessibility.", "aws dms create-replication-instance --no-publicly-accessible ...", "resource \"aws_dms_replication_instance\" { publicly_accessible = false }"),
    evaluate: field({ path: "configuration.PubliclyAccessible", ok: isFalse, expected: false, missing: "error" }),
  }),
  aws({
    id: "aws.logs.log-group.kms-encryption", resourceType: LOG_GROUP, severity: "low", citations: cite(C.encryptionAtRest, ["164.312(b)"]),
    title: "CloudWatch log group is encrypted with a KMS key",
    rationale: "Application logs frequently capture ePHI fragments; a KMS key restricts who can read them.",
    reads: ["configuration.kmsKeyId"],
    remediation: fix("CloudWatch > Log groups > group > Actions > Edit: KMS key ARN.", "aws logs associate-kms-key --log-group-name G --kms-key-id KEY", "resource \"aws_cloudwatch_log_group\" { kms_key_id = aws_kms_key.logs.arn }"),
    evaluate: field({ path: "configuration.kmsKeyId", ok: nonEmpty, expected: "a KMS key", missing: "fail" }),
  }),
  aws({
    id: "aws.logs.log-group.retention", resourceType: LOG_GROUP, severity: "medium", citations: C.logRetention,
    title: `CloudWatch log group keeps logs at least ${MIN_LOG_DAYS} days`,
    rationale: "Short retention destroys the audit trail before incidents are discovered; unset means never expire, which passes.",
    reads: ["configuration.retentionInDays"],
    remediation: fix("CloudWatch > Log groups > group > Edit retention: 1 year or more (2192 days = 6 years).", "aws logs put-retention-policy --log-group-name G --retention-in-days 2192", "resource \"aws_cloudwatch_log_group\" { retention_in_days = 2192 }"),
    evaluate(r) {
      const v = r.configuration?.retentionInDays;
      if (v === undefined || v === null) return verdict(true, [ev("configuration.retentionInDays", null, `never expire or >= ${MIN_LOG_DAYS}`)]);
      return verdict(atLeast(MIN_LOG_DAYS)(v), [ev("configuration.retentionInDays", num(v) ?? v, `>= ${MIN_LOG_DAYS}`)]);
    },
  }),
];
