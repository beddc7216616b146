// Amazon RDS instances, clusters and snapshots.
import { atLeast, aws, field, fix, isFalse, isTrue, nonEmpty } from "../../lib/define";
import { asArray, isObj, lower } from "../../lib/path";
import { error, ev, na, verdict } from "../../lib/result";
import { C, cite } from "../../rule/citations";
import type { ResourceSnapshot } from "../../snapshot";
import type { CheckResult } from "../../types";
import { inBackupPlan } from "./backup-plan";

const I = "AWS::RDS::DBInstance";
const CL = "AWS::RDS::DBCluster";
const PG = "AWS::RDS::DBParameterGroup";
const MIN_BACKUP_DAYS = 7;

const snapshotNotPublic = (attrKey: string) => (r: ResourceSnapshot): CheckResult => {
  const attrs = r.supplementaryConfiguration[attrKey];
  if (attrs === undefined || attrs === null) return error(`supplementaryConfiguration.${attrKey} not recorded`);
  const list = Array.isArray(attrs) ? attrs : [attrs];
  const restore = list.find((a) => isObj(a) && a.attributeName === "restore");
  const values = isObj(restore) ? asArray(restore.attributeValues) : [];
  return verdict(!values.includes("all"), [ev(`supplementaryConfiguration.${attrKey}[restore].attributeValues`, values, "not containing \"all\"")]);
};

function forceSsl(r: ResourceSnapshot, ctx: import("../../types").EvalContext): CheckResult {
  const engine = lower(r.configuration?.engine);
  let param: string;
  let good: (v: string) => boolean;
  if (engine.startsWith("aurora")) return na("Aurora instances take TLS settings from the cluster parameter group", [ev("configuration.engine", engine)]);
  if (engine.startsWith("postgres") || engine.startsWith("sqlserver")) { param = "rds.force_ssl"; good = (v) => v === "1"; }
  else if (engine === "mysql" || engine === "mariadb") { param = "require_secure_transport"; good = (v) => v === "1" || v.toLowerCase() === "on"; }
  else return na(`engine ${engine || "unknown"} has no force-TLS parameter`, [ev("configuration.engine", engine || null)]);
  const groups = asArray(r.configuration?.dBParameterGroups);
  const name = groups.map((g) => (isObj(g) ? g.dBParameterGroupName : undefined)).find((n): n is string => typeof n === "string");
  if (!name) return error("configuration.dBParameterGroups not recorded");
  const idx = ctx.memo("aws-rds-parameter-groups", () => {
    const m = new Map<string, ResourceSnapshot>();
    for (const g of ctx.ofType(PG)) m.set(`${g.accountId}|${g.region}|${g.resourceId}`, g);
    return m;
  });
  const pg = idx.get(`${r.accountId}|${r.region}|${name}`);
  if (!pg) return error(`parameter group ${name} not in this scan`, [ev("configuration.dBParameterGroups[].dBParameterGroupName", name)]);
  const entry = asArray(pg.configuration?.parameters).find((x) => isObj(x) && x.parameterName === param);
  const value = isObj(entry) && entry.parameterValue !== undefined && entry.parameterValue !== null ? String(entry.parameterValue) : null;
  return verdict(value !== null && good(value), [ev("configuration.dBParameterGroups[].dBParameterGroupName", name), ev(`${PG}(${name}).parameters[${param}]`, value, param === "rds.force_ssl" ? "1" : "ON")]);
}

export const rdsChecks = [
  aws({
    id: "aws.rds.db-instance.storage-encrypted", resourceType: I, severity: "high", citations: C.encryptionAtRest,
    title: "RDS instance storage is encrypted",
    rationale: "Database storage, its automated backups, read replicas and snapshots holding ePHI must be encrypted at rest.",
    reads: ["configuration.storageEncrypted", "configuration.kmsKeyId"],
    remediation: fix("Encryption cannot be turned on in place: snapshot, copy the snapshot encrypted, restore, cut over.", "aws rds copy-db-snapshot --source-db-snapshot-identifier S --target-db-snapshot-identifier S-enc --kms-key-id KEY", "resource \"aws_db_instance\" { storage_encrypted = true  kms_key_id = aws_kms_key.phi.arn }"),
    evaluate: field({ path: "configuration.storageEncrypted", ok: isTrue, expected: true, missing: "fail" }),
  }),
  aws({
    id: "aws.rds.db-instance.not-public", resourceType: I, severity: "critical", citations: C.publicAccess,
    title: "RDS instance is not publicly accessible",
    rationale: "A publicly accessible database gets an Internet-resolvable endpoint; ePHI stores belong in private subnets.",
    reads: ["configuration.publiclyAccessible"],
    remediation: fix("RDS > instance > Modify > Connectivity > Not publicly accessible.", "aws rds modify-db-instance --db-instance-identifier DB --no-publicly-accessible --apply-immediately", "resource \"aws_db_instance\" { publicly_accessible = false }"),
    evaluate: field({ path: "configuration.publiclyAccessible", ok: isFalse, expected: false, missing: "error" }),
  }),
  aws({
    id: "aws.rds.db-instance.multi-az", resourceType: I, severity: "medium", citations: C.availability,
    title: "RDS instance is Multi-AZ",
    rationale: "A standby in another Availability Zone keeps ePHI available through an AZ outage (emergency mode operation).",
    reads: ["configuration.multiAZ"],
    remediation: fix("RDS > instance > Modify > Availability: Multi-AZ deployment.", "aws rds modify-db-instance --db-instance-identifier DB --multi-az --apply-immediately", "resource \"aws_db_instance\" { multi_az = true }"),
    evaluate: field({ path: "configuration.multiAZ", ok: isTrue, expected: true, missing: "fail", skip: (r) => (lower(r.configuration?.engine).startsWith("aurora") ? "Aurora availability is set on the cluster" : undefined) }),
  }),
  aws({
    id: "aws.rds.db-instance.backup-retention", resourceType: I, severity: "medium", citations: C.backup,
    title: `RDS instance keeps automated backups for at least ${MIN_BACKUP_DAYS} days`,
    rationale: "Automated backups with point-in-time restore are the database's data backup plan; 0 days disables them.",
    reads: ["configuration.backupRetentionPeriod"],
    remediation: fix("RDS > instance > Modify > Backup retention period: 7 days or more.", "aws rds modify-db-instance --db-instance-identifier DB --backup-retention-period 7 --apply-immediately", "resource \"aws_db_instance\" { backup_retention_period = 7 }"),
    evaluate: field({ path: "configuration.backupRetentionPeriod", ok: atLeast(MIN_BACKUP_DAYS), expected: `>= ${MIN_BACKUP_DAYS}`, missing: "fail" }),
  }),
  aws({
    id: "aws.rds.db-instance.log-exports", resourceType: I, severity: "medium", citations: C.auditLogging,
    title: "RDS instance exports logs to CloudWatch Logs",
    rationale: "Database audit and error logs must leave the instance to be retained and reviewed.",
    reads: ["configuration.enabledCloudwatchLogsExports"],
    remediation: fix("RDS > instance > Modify > Log exports: select audit/error/postgresql logs.", "aws rds modify-db-instance --db-instance-identifier DB --cloudwatch-logs-export-configuration EnableLogTypes=postgresql", "resource \"aws_db_instance\" { enabled_cloudwatch_logs_exports = [\"postgresql\"] }"),
    evaluate: field({ path: "configuration.enabledCloudwatchLogsExports", ok: nonEmpty, expected: "at least one log type", missing: "fail" }),
  }),
  aws({
    id: "aws.rds.db-instance.force-ssl", resourceType: I, severity: "high", citations: C.encryptionInTransit, contextTypes: [PG],
    title: "RDS instance requires TLS for client connections",
    rationale: "Without rds.force_ssl=1 (PostgreSQL, SQL Server) or require_secure_transport=ON (MySQL, MariaDB), clients may send ePHI in clear text.",
    reads: ["configuration.engine", "configuration.dBParameterGroups[].dBParameterGroupName", "AWS::RDS::DBParameterGroup configuration.parameters[].parameterName|parameterValue"],
    remediation: fix("Create a custom parameter group with rds.force_ssl=1 / require_secure_transport=ON, attach it, reboot.", "aws rds modify-db-parameter-group --db-parameter-group-name PG --parameters ParameterName=rds.force_ssl,ParameterValue=1,ApplyMethod=pending-reboot", "resource \"aws_db_parameter_group\" { parameter { name = \"rds.force_ssl\" value = \"1\" } }"),
    evaluate: forceSsl,
  }),
  aws({
    id: "aws.rds.db-instance.iam-auth", resourceType: I, severity: "low", citations: C.uniqueIdentity,
    title: "RDS instance accepts IAM database authentication",
    rationale: "IAM authentication ties database logins to individual, MFA-capable identities instead of shared passwords.",
    reads: ["configuration.iAMDatabaseAuthenticationEnabled"],
    remediation: fix("RDS > instance > Modify > Database authentication: Password and IAM.", "aws rds modify-db-instance --db-instance-identifier DB --enable-iam-database-authentication", "resource \"aws_db_instance\" { iam_database_authentication_enabled = true }"),
    evaluate: field({ path: "configuration.iAMDatabaseAuthenticationEnabled", ok: isTrue, expected: true, missing: "fail", skip: (r) => (["oracle", "sqlserver"].some((e) => lower(r.configuration?.engine).startsWith(e)) ? "engine does not support IAM authentication" : undefined) }),
  }),
  aws({
    id: "aws.rds.db-instance.deletion-protection", resourceType: I, severity: "low", citations: cite(C.integrity, C.availability),
    title: "RDS instance has deletion protection",
    rationale: "Deletion protection stops an accidental or malicious delete of an ePHI database.",
    reads: ["configuration.deletionProtection"],
    remediation: fix("RDS > instance > Modify > Enable deletion protection.", "aws rds modify-db-instance --db-instance-identifier DB --deletion-protection", "resource \"aws_db_instance\" { deletion_protection = true }"),
    evaluate: field({ path: "configuration.deletionProtection", ok: isTrue, expected: true, missing: "fail" }),
  }),
  inBackupPlan("aws.rds.db-instance.in-backup-plan", I, "RDS instance"),
  aws({
    id: "aws.rds.db-cluster.storage-encrypted", resourceType: CL, severity: "high", citations: C.encryptionAtRest,
    title: "RDS/Aurora cluster storage is encrypted",
    rationale: "Cluster volumes holding ePHI must be encrypted at rest.",
    reads: ["configuration.storageEncrypted"],
    remediation: fix("Restore an encrypted cluster from a snapshot copy encrypted with KMS.", "aws rds restore-db-cluster-from-snapshot --kms-key-id KEY ...", "resource \"aws_rds_cluster\" { storage_encrypted = true }"),
    evaluate: field({ path: "configuration.storageEncrypted", ok: isTrue, expected: true, missing: "fail" }),
  }),
  aws({
    id: "aws.rds.db-cluster.multi-az", resourceType: CL, severity: "medium", citations: C.availability,
    title: "RDS/Aurora cluster spans several Availability Zones",
    rationale: "Instances in more than one AZ keep the database available through an AZ outage.",
    reads: ["configuration.multiAZ"],
    remediation: fix("Add a reader instance in another Availability Zone.", "aws rds create-db-instance --db-cluster-identifier CL --availability-zone OTHER_AZ ...", "resource \"aws_rds_cluster_instance\" { count = 2 }"),
    evaluate: field({ path: "configuration.multiAZ", ok: isTrue, expected: true, missing: "fail" }),
  }),
  aws({
    id: "aws.rds.db-cluster.backup-retention", resourceType: CL, severity: "medium", citations: C.backup,
    title: `RDS/Aurora cluster keeps backups for at least ${MIN_BACKUP_DAYS} days`,
    rationale: "Cluster backup retention bounds how far back ePHI can be restored.",
    reads: ["configuration.backupRetentionPeriod"],
    remediation: fix("RDS > cluster > Modify > Backup retention period.", "aws rds modify-db-cluster --db-cluster-identifier CL --backup-retention-period 7", "resource \"aws_rds_cluster\" { backup_retention_period = 7 }"),
    evaluate: field({ path: "configuration.backupRetentionPeriod", ok: atLeast(MIN_BACKUP_DAYS), expected: `>= ${MIN_BACKUP_DAYS}`, missing: "fail" }),
  }),
  aws({
    id: "aws.rds.db-cluster.deletion-protection", resourceType: CL, severity: "low", citations: cite(C.integrity, C.availability),
    title: "RDS/Aurora cluster has deletion protection",
    rationale: "Deletion protection stops an accidental or malicious delete of an ePHI database.",
    reads: ["configuration.deletionProtection"],
    remediation: fix("RDS > cluster > Modify > Enable deletion protection.", "aws rds modify-db-cluster --db-cluster-identifier CL --deletion-protection", "resource \"aws_rds_cluster\" { deletion_protection = true }"),
    evaluate: field({ path: "configuration.deletionProtection", ok: isTrue, expected: true, missing: "fail" }),
  }),
  inBackupPlan("aws.rds.db-cluster.in-backup-plan", CL, "RDS/Aurora cluster"),
  aws({
    id: "aws.rds.db-snapshot.encrypted", resourceType: "AWS::RDS::DBSnapshot", severity: "high", citations: C.encryptionAtRest,
    title: "RDS snapshot is encrypted",
    rationale: "Snapshots are full copies of the database and must be encrypted like it.",
    reads: ["configuration.encrypted"],
    remediation: fix("Copy the snapshot with a KMS key and delete the unencrypted one.", "aws rds copy-db-snapshot --kms-key-id KEY ...", "n/a (snapshots inherit the instance's encryption)"),
    evaluate: field({ path: "configuration.encrypted", ok: isTrue, expected: true, missing: "fail" }),
  }),
  aws({
    id: "aws.rds.db-snapshot.not-public", resourceType: "AWS::RDS::DBSnapshot", severity: "critical", citations: C.publicAccess,
    title: "RDS snapshot is not public",
    rationale: "A snapshot restorable by \"all\" gives any AWS account a full copy of the database.",
    reads: ["supplementaryConfiguration.DBSnapshotAttributes[attributeName=restore].attributeValues"],
    remediation: fix("RDS > Snapshots > snapshot > Share snapshot: Private.", "aws rds modify-db-snapshot-attribute --db-snapshot-identifier S --attribute-name restore --values-to-remove all", "n/a"),
    evaluate: snapshotNotPublic("DBSnapshotAttributes"),
  }),
  aws({
    id: "aws.rds.db-cluster-snapshot.encrypted", resourceType: "AWS::RDS::DBClusterSnapshot", severity: "high", citations: C.encryptionAtRest,
    title: "RDS cluster snapshot is encrypted",
    rationale: "Cluster snapshots are full copies of the database and must be encrypted like it.",
    reads: ["configuration.storageEncrypted"],
    remediation: fix("Copy the cluster snapshot with a KMS key.", "aws rds copy-db-cluster-snapshot --kms-key-id KEY ...", "n/a"),
    evaluate: field({ path: "configuration.storageEncrypted", ok: isTrue, expected: true, missing: "fail" }),
  }),
  aws({
    id: "aws.rds.db-cluster-snapshot.not-public", resourceType: "AWS::RDS::DBClusterSnapshot", severity: "critical", citations: C.publicAccess,
    title: "RDS cluster snapshot is not public",
    rationale: "A cluster snapshot restorable by \"all\" gives any AWS account a full copy of the database.",
    reads: ["supplementaryConfiguration.DBClusterSnapshotAttributes[attributeName=restore].attributeValues"],
    remediation: fix("RDS > Snapshots > cluster snapshot > Share: Private.", "aws rds modify-db-cluster-snapshot-attribute --db-cluster-snapshot-identifier S --attribute-name restore --values-to-remove all", "n/a"),
    evaluate: snapshotNotPublic("DBClusterSnapshotAttributes"),
  }),
];
