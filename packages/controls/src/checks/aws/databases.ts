// DynamoDB, DAX and EFS.
import { aws, equalsCI, field, fix } from "../../lib/define";
import { isObj } from "../../lib/path";
import { ev, verdict } from "../../lib/result";
import { C } from "../../rule/citations";
import { inBackupPlan } from "./backup-plan";

const DDB = "AWS::DynamoDB::Table";
const EFS = "AWS::EFS::FileSystem";

export const databaseChecks = [
  aws({
    id: "aws.dynamodb.table.kms-encryption", resourceType: DDB, severity: "medium", citations: C.encryptionAtRest,
    title: "DynamoDB table is encrypted with a KMS key",
    rationale: "Tables are always encrypted, but only SSE type KMS puts the key under a policy and CloudTrail-logged use.",
    reads: ["configuration.ssedescription.status", "configuration.ssedescription.ssetype", "configuration.ssedescription.kmsmasterKeyArn"],
    remediation: fix("DynamoDB > table > Additional settings > Encryption: AWS managed or customer managed KMS key.", "aws dynamodb update-table --table-name T --sse-specification Enabled=true,SSEType=KMS,KMSMasterKeyId=KEY", "server_side_encryption { enabled = true  kms_key_arn = aws_kms_key.phi.arn }"),
    evaluate(r) {
      const c = r.configuration ?? {};
      const sse = c.ssedescription ?? c.sSEDescription ?? c.SSEDescription;
      if (!isObj(sse)) return verdict(false, [ev("configuration.ssedescription", null, "ssetype KMS, status ENABLED")], "table uses the default AWS owned key");
      const type = sse.ssetype ?? sse.sSEType ?? sse.SSEType;
      const status = sse.status ?? sse.Status;
      return verdict(type === "KMS" && (status === undefined || status === "ENABLED" || status === "UPDATING"), [ev("configuration.ssedescription.ssetype", type ?? null, "KMS"), ev("configuration.ssedescription.status", status ?? null, "ENABLED")]);
    },
  }),
  aws({
    id: "aws.dynamodb.table.pitr", resourceType: DDB, severity: "medium", citations: C.backup,
    title: "DynamoDB table has point-in-time recovery",
    rationale: "PITR lets an ePHI table be restored to any second in the last 35 days after corruption or deletion.",
    reads: ["supplementaryConfiguration.ContinuousBackupsDescription.pointInTimeRecoveryDescription.pointInTimeRecoveryStatus"],
    remediation: fix("DynamoDB > table > Backups > Point-in-time recovery > Edit: on.", "aws dynamodb update-continuous-backups --table-name T --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true", "point_in_time_recovery { enabled = true }"),
    evaluate: field({ path: "supplementaryConfiguration.ContinuousBackupsDescription.pointInTimeRecoveryDescription.pointInTimeRecoveryStatus", ok: equalsCI("ENABLED"), expected: "ENABLED", missing: "fail" }),
  }),
  inBackupPlan("aws.dynamodb.table.in-backup-plan", DDB, "DynamoDB table"),
  aws({
    id: "aws.dax.cluster.encrypted", resourceType: "AWS::DAX::Cluster", severity: "medium", citations: C.encryptionAtRest,
    title: "DAX cluster encrypts data at rest",
    rationale: "DAX caches DynamoDB items, ePHI included; the cache must be encrypted like the table.",
    reads: ["configuration.SSEDescription.Status"],
    remediation: fix("Encryption is set at creation: recreate the DAX cluster with encryption at rest.", "aws dax create-cluster --sse-specification Enabled=true ...", "resource \"aws_dax_cluster\" { server_side_encryption { enabled = true } }"),
    evaluate: field({ path: "configuration.SSEDescription.Status", ok: equalsCI("ENABLED"), expected: "ENABLED", missing: "fail" }),
  }),
  aws({
    id: "aws.efs.file-system.encrypted", resourceType: EFS, severity: "high", citations: C.encryptionAtRest,
    title: "EFS file system is encrypted",
    rationale: "Shared file systems holding ePHI must be encrypted at rest.",
    reads: ["configuration.Encrypted", "configuration.KmsKeyId"],
    remediation: fix("Encryption is set at creation: create an encrypted file system and copy the data (DataSync).", "aws efs create-file-system --encrypted --kms-key-id KEY", "resource \"aws_efs_file_system\" { encrypted = true }"),
    evaluate: field({ path: "configuration.Encrypted", ok: (v) => v === true, expected: true, missing: "fail" }),
  }),
  aws({
    id: "aws.efs.file-system.backup-policy", resourceType: EFS, severity: "medium", citations: C.backup,
    title: "EFS file system has automatic backups",
    rationale: "The EFS backup policy enrols the file system in AWS Backup's daily plan.",
    reads: ["configuration.BackupPolicy.Status"],
    remediation: fix("EFS > file system > Edit > Automatic backups: on.", "aws efs put-backup-policy --file-system-id FS --backup-policy Status=ENABLED", "resource \"aws_efs_backup_policy\" { backup_policy { status = \"ENABLED\" } }"),
    evaluate: field({ path: "configuration.BackupPolicy.Status", ok: equalsCI("ENABLED"), expected: "ENABLED", missing: "fail" }),
  }),
];
