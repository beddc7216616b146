// EBS volumes, snapshots and the per-region encryption default.
import { aws, field, fix, isTrue } from "../../lib/define";
import { asArray, isObj } from "../../lib/path";
import { error, ev, fail, pass, verdict } from "../../lib/result";
import { C } from "../../rule/citations";
import { inBackupPlan } from "./backup-plan";
import { REGION } from "./region-facts";

export const ebsChecks = [
  aws({
    id: "aws.ec2.volume.encrypted",
    resourceType: "AWS::EC2::Volume",
    title: "EBS volume is encrypted",
    rationale: "Block storage attached to ePHI workloads must be encrypted at rest, including its snapshots.",
    severity: "high",
    citations: C.encryptionAtRest,
    reads: ["configuration.encrypted", "configuration.kmsKeyId"],
    remediation: fix("Snapshot the volume, copy the snapshot with encryption, create a volume from it and swap it in.", "aws ec2 copy-snapshot --source-snapshot-id SNAP --encrypted --kms-key-id KEY", "resource \"aws_ebs_volume\" { encrypted = true  kms_key_id = aws_kms_key.phi.arn }"),
    evaluate: field({ path: "configuration.encrypted", ok: isTrue, expected: true, missing: "fail" }),
  }),
  aws({
    id: "aws.ec2.region.ebs-encryption-by-default",
    resourceType: REGION,
    title: "EBS encryption by default is on in the region",
    rationale: "With the regional default on, every new volume and snapshot copy is encrypted even if a template forgets.",
    severity: "high",
    citations: C.encryptionAtRest,
    reads: ["configuration.ebsEncryptionByDefault"],
    remediation: fix("EC2 > Settings > Data protection and security > EBS encryption > Always encrypt new EBS volumes (per region).", "aws ec2 enable-ebs-encryption-by-default --region REGION", "resource \"aws_ebs_encryption_by_default\" { enabled = true }"),
    evaluate: field({ path: "configuration.ebsEncryptionByDefault", ok: (v) => v === true, expected: true, missing: "error" }),
  }),
  aws({
    id: "aws.ec2.snapshot.encrypted",
    resourceType: "AWS::EC2::Snapshot",
    title: "EBS snapshot is encrypted",
    rationale: "Snapshots are full copies of volume data; unencrypted ones leak ePHI at rest.",
    severity: "high",
    citations: C.encryptionAtRest,
    reads: ["configuration.encrypted"],
    remediation: fix("Copy the snapshot with encryption enabled and delete the clear copy.", "aws ec2 copy-snapshot --source-snapshot-id SNAP --encrypted", "resource \"aws_ebs_snapshot_copy\" { encrypted = true }"),
    evaluate: field({ path: "configuration.encrypted", ok: isTrue, expected: true, missing: "fail" }),
  }),
  aws({
    id: "aws.ec2.snapshot.not-public",
    resourceType: "AWS::EC2::Snapshot",
    title: "EBS snapshot is not shared publicly",
    rationale: "A snapshot whose createVolumePermission includes Group=all can be restored by any AWS account.",
    severity: "critical",
    citations: C.publicAccess,
    reads: ["configuration.createVolumePermissions[].group"],
    remediation: fix("EC2 > Snapshots > snapshot > Modify permissions > Private.", "aws ec2 modify-snapshot-attribute --snapshot-id SNAP --attribute createVolumePermission --operation-type remove --group-names all", "resource \"aws_snapshot_create_volume_permission\": only for named accounts"),
    evaluate(r) {
      const perms = r.configuration?.createVolumePermissions;
      if (perms === undefined || perms === null) return error("configuration.createVolumePermissions not recorded (ec2:DescribeSnapshotAttribute)");
      const pub = asArray(perms).some((x) => isObj(x) && (x.group === "all" || x.Group === "all"));
      return verdict(!pub, [ev("configuration.createVolumePermissions", perms, "no Group=all")]);
    },
  }),
  inBackupPlan("aws.ec2.volume.in-backup-plan", "AWS::EC2::Volume", "EBS volume"),
  aws({
    id: "aws.ec2.volume.attached",
    resourceType: "AWS::EC2::Volume",
    title: "EBS volume is attached to an instance",
    rationale: "Unattached volumes are forgotten copies of data; ePHI on them is outside any workload's controls and should be disposed of.",
    severity: "low",
    citations: ["164.310(d)(2)(i)", "164.308(a)(1)(ii)(B)"],
    reads: ["configuration.attachments", "configuration.state"],
    remediation: fix("Snapshot if needed, then delete the unused volume.", "aws ec2 delete-volume --volume-id VOL", "remove the aws_ebs_volume resource"),
    evaluate(r) {
      const a = asArray(r.configuration?.attachments);
      return a.length > 0 ? pass([ev("configuration.attachments", a.length)]) : fail([ev("configuration.attachments", [], "at least one attachment")]);
    },
  }),
];
