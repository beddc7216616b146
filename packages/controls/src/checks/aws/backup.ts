// AWS Backup plans, vaults and recovery points.
import { aws, fix, isTrue, field } from "../../lib/define";
import { asArray, isObj, num } from "../../lib/path";
import { grantsAction, parsePolicyCached } from "../../lib/policy";
import { error, ev, verdict } from "../../lib/result";
import { C, cite } from "../../rule/citations";

const MIN_DAYS = 35;
/** What the vault access policy must deny so nobody can remove or shorten recovery points, or lift the deny, by hand. */
const PROTECTED_ACTIONS = ["backup:DeleteRecoveryPoint", "backup:UpdateRecoveryPointLifecycle", "backup:PutBackupVaultAccessPolicy"];

const deleteAfter = (lifecycle: unknown): number | null => (isObj(lifecycle) ? num(lifecycle.DeleteAfterDays) ?? null : null);

export const backupChecks = [
  aws({
    id: "aws.backup.recovery-point.encrypted", resourceType: "AWS::Backup::RecoveryPoint", severity: "high", citations: C.encryptionAtRest,
    title: "AWS Backup recovery point is encrypted",
    rationale: "Backups are full copies of ePHI and need the same encryption as the source.",
    reads: ["configuration.IsEncrypted", "configuration.EncryptionKeyArn"],
    remediation: fix("Use a backup vault with a KMS key; copy the recovery point into it.", "aws backup start-copy-job --recovery-point-arn RP --destination-backup-vault-arn VAULT ...", "resource \"aws_backup_vault\" { kms_key_arn = aws_kms_key.backup.arn }"),
    evaluate: field({ path: "configuration.IsEncrypted", ok: isTrue, expected: true, missing: "fail" }),
  }),
  aws({
    id: "aws.backup.recovery-point.min-retention", resourceType: "AWS::Backup::RecoveryPoint", severity: "medium", citations: C.backup,
    title: `AWS Backup recovery point is kept at least ${MIN_DAYS} days`,
    rationale: "Short-lived recovery points may expire before corruption or ransomware is noticed.",
    reads: ["configuration.Lifecycle.DeleteAfterDays", "configuration.CalculatedLifecycle"],
    remediation: fix("Edit the backup plan rule lifecycle: expire after 35 days or more.", "aws backup update-recovery-point-lifecycle --backup-vault-name V --recovery-point-arn RP --lifecycle DeleteAfterDays=35", "lifecycle { delete_after = 35 }"),
    evaluate(r) {
      const d = deleteAfter(r.configuration?.Lifecycle);
      return verdict(d === null || d >= MIN_DAYS, [ev("configuration.Lifecycle.DeleteAfterDays", d, `null (never) or >= ${MIN_DAYS}`)]);
    },
  }),
  aws({
    id: "aws.backup.plan.min-retention", resourceType: "AWS::Backup::BackupPlan", severity: "medium", citations: C.backup,
    title: `AWS Backup plan rules keep backups at least ${MIN_DAYS} days`,
    rationale: "The plan's lifecycle decides how far back ePHI can be restored.",
    reads: ["configuration.BackupPlan.BackupPlanRule[].Lifecycle.DeleteAfterDays", "configuration.BackupPlan.Rules[].Lifecycle.DeleteAfterDays"],
    remediation: fix("AWS Backup > plan > rule > Edit: retention period 35 days or more.", "aws backup update-backup-plan --backup-plan-id P --backup-plan file://plan.json", "rule { lifecycle { delete_after = 35 } }"),
    evaluate(r) {
      const plan = r.configuration?.BackupPlan;
      if (!isObj(plan)) return error("configuration.BackupPlan not recorded");
      const rules = asArray(plan.BackupPlanRule ?? plan.Rules).filter(isObj);
      if (rules.length === 0) return verdict(false, [ev("configuration.BackupPlan.BackupPlanRule", [], "at least one rule")]);
      const days = rules.map((x) => ({ rule: x.RuleName ?? null, deleteAfterDays: deleteAfter(x.Lifecycle) }));
      return verdict(days.every((d) => d.deleteAfterDays === null || d.deleteAfterDays >= MIN_DAYS), [ev("configuration.BackupPlan.BackupPlanRule[].Lifecycle.DeleteAfterDays", days, `null or >= ${MIN_DAYS}`)]);
    },
  }),
  aws({
    id: "aws.backup.vault.no-manual-deletion", resourceType: "AWS::Backup::BackupVault", severity: "high", citations: cite(C.backup, C.integrity),
    title: "AWS Backup vault access policy denies manual deletion of recovery points",
    rationale: "Ransomware and insiders delete backups first; a Deny on DeleteRecoveryPoint keeps ePHI restorable.",
    reads: ["configuration.AccessPolicy"],
    remediation: fix("AWS Backup > Backup vaults > vault > Access policy > Edit: Deny backup:DeleteRecoveryPoint, backup:UpdateRecoveryPointLifecycle and backup:PutBackupVaultAccessPolicy to Principal *.", "aws backup put-backup-vault-access-policy --backup-vault-name V --policy file://deny-delete.json", "resource \"aws_backup_vault_policy\" { policy = data.aws_iam_policy_document.deny_delete.json }"),
    evaluate(r) {
      const raw = r.configuration?.AccessPolicy;
      // Config omits AccessPolicy when the vault has none: then any principal with IAM rights may delete.
      const pol = raw === undefined || raw === null ? ({ ok: true, statements: [] } as const) : parsePolicyCached(r.configuration ?? r, raw);
      if (!pol.ok) return error(`vault access policy could not be read: ${pol.reason}`);
      const missing = PROTECTED_ACTIONS.filter((a) => !pol.statements.some((s) => s.effect === "Deny" && grantsAction(s, a)));
      return verdict(missing.length === 0, [ev("configuration.AccessPolicy.Statement[Effect=Deny].Action", missing.length === 0 ? PROTECTED_ACTIONS : { missing }, PROTECTED_ACTIONS)]);
    },
  }),
];
