// AWS KMS customer managed keys.
import { aws, fix } from "../../lib/define";
import { truthy } from "../../lib/path";
import { ev, na, verdict } from "../../lib/result";
import { C } from "../../rule/citations";
import { isPublicAllow, parsePolicyCached } from "../../lib/policy";
import { error } from "../../lib/result";

const K = "AWS::KMS::Key";

const customerSymmetric = (c: Record<string, unknown>): string | undefined => {
  if (c.keyManager !== "CUSTOMER") return "AWS managed keys are rotated by AWS";
  const spec = c.keySpec ?? c.customerMasterKeySpec;
  if (spec !== undefined && spec !== "SYMMETRIC_DEFAULT") return `rotation is not supported for ${String(spec)} keys`;
  if (c.origin !== undefined && c.origin !== "AWS_KMS") return `rotation is not supported for keys with origin ${String(c.origin)}`;
  if (c.keyState !== undefined && c.keyState !== "Enabled") return `key is ${String(c.keyState)}`;
  return undefined;
};

export const kmsChecks = [
  aws({
    id: "aws.kms.key.rotation", resourceType: K, severity: "medium", citations: C.keyManagement,
    title: "KMS customer managed key rotates automatically",
    rationale: "Yearly rotation limits how much ePHI any one key version protects.",
    reads: ["configuration.keyManager", "configuration.keySpec", "configuration.origin", "configuration.keyState", "supplementaryConfiguration.KeyRotationStatus"],
    remediation: fix("KMS > Customer managed keys > key > Key rotation: Automatically rotate.", "aws kms enable-key-rotation --key-id KEY", "resource \"aws_kms_key\" { enable_key_rotation = true }"),
    evaluate(r) {
      const why = customerSymmetric(r.configuration ?? {});
      if (why) return na(why, [ev("configuration.keyManager", r.configuration?.keyManager ?? null)]);
      const v = r.supplementaryConfiguration.KeyRotationStatus;
      if (v === undefined) return error("supplementaryConfiguration.KeyRotationStatus not recorded");
      return verdict(truthy(v) === true, [ev("supplementaryConfiguration.KeyRotationStatus", v, true)]);
    },
  }),
  aws({
    id: "aws.kms.key.not-pending-deletion", resourceType: K, severity: "high", citations: C.keyManagement,
    title: "KMS customer managed key is not scheduled for deletion",
    rationale: "Deleting a key makes everything encrypted under it, backups included, unrecoverable.",
    reads: ["configuration.keyState", "configuration.deletionDate"],
    remediation: fix("KMS > key > Key actions > Cancel key deletion.", "aws kms cancel-key-deletion --key-id KEY", "remove the destroy; keep deletion_window_in_days for intended deletes"),
    evaluate(r) {
      const c = r.configuration ?? {};
      if (c.keyManager === "AWS") return na("AWS managed key", [ev("configuration.keyManager", "AWS")]);
      return verdict(c.keyState !== "PendingDeletion", [ev("configuration.keyState", c.keyState ?? null, "not PendingDeletion"), ev("configuration.deletionDate", c.deletionDate ?? null)]);
    },
  }),
  aws({
    id: "aws.kms.key.policy-not-public", resourceType: K, severity: "critical", citations: C.publicAccess,
    title: "KMS key policy does not allow every principal",
    rationale: "A key policy allowing Principal * without a confining condition lets any AWS account decrypt ePHI.",
    reads: ["supplementaryConfiguration.Policy"],
    remediation: fix("KMS > key > Key policy: name the account root and roles; confine any * principal with kms:CallerAccount or kms:ViaService.", "aws kms put-key-policy --key-id KEY --policy-name default --policy file://key-policy.json", "resource \"aws_kms_key\" { policy = data.aws_iam_policy_document.key.json }"),
    evaluate(r) {
      const raw = r.supplementaryConfiguration.Policy ?? r.configuration?.keyPolicy;
      if (raw === undefined || raw === null) return error("key policy not recorded (supplementaryConfiguration.Policy)");
      const pol = parsePolicyCached(r.supplementaryConfiguration, raw);
      if (!pol.ok) return error(`key policy could not be read: ${pol.reason}`);
      const open = pol.statements.filter(isPublicAllow);
      return verdict(open.length === 0, [ev("supplementaryConfiguration.Policy", open.length === 0 ? "no unconditioned Allow to *" : open.map((s) => ({ Sid: s.sid ?? null, Action: s.actions })), "no unconditioned Allow to *")]);
    },
  }),
];
