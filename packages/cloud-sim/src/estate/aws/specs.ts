// Every AWS resource type the simulator can generate as filler, in a fixed order (order is part of determinism).
import type { AwsTypeSpec } from "./context";
import { daxClusterSpec, dbClusterSnapshotSpec, dbClusterSpec, dbInstanceSpec, dbSnapshotSpec, openSearchSpec, redshiftClusterSpec } from "./databases";
import { acmCertificateSpec, albSpec, apiStageSpec, classicElbSpec, cloudFrontSpec } from "./edge";
import { iamGroupSpec, iamPolicySpec, iamRoleSpec, iamUserSpec } from "./iam";
import { emrClusterSpec } from "./emr";
import { logGroupSpec, trailSpec } from "./logging";
import { backupPlanSpec, backupVaultSpec, dmsReplicationInstanceSpec, eksClusterSpec, httpApiStageSpec, lambdaSpec, recoveryPointSpec, sageMakerNotebookSpec } from "./misc";
import { ebsSnapshotSpec, instanceSpec, networkAclSpec, securityGroupSpec, subnetSpec, volumeSpec } from "./network";
import { bucketSpec, dynamoTableSpec, efsSpec, kmsKeySpec, secretSpec, snsTopicSpec } from "./storage";

export const AWS_SPECS: readonly AwsTypeSpec[] = [
  kmsKeySpec, securityGroupSpec, subnetSpec, networkAclSpec, instanceSpec, volumeSpec,
  bucketSpec, efsSpec, dynamoTableSpec, secretSpec, snsTopicSpec,
  dbInstanceSpec, dbClusterSpec, dbSnapshotSpec, dbClusterSnapshotSpec, redshiftClusterSpec, openSearchSpec,
  iamUserSpec, iamRoleSpec, iamGroupSpec, iamPolicySpec,
  trailSpec, classicElbSpec, albSpec, cloudFrontSpec, acmCertificateSpec, apiStageSpec,
  backupPlanSpec, backupVaultSpec, recoveryPointSpec, sageMakerNotebookSpec, eksClusterSpec, lambdaSpec, httpApiStageSpec, dmsReplicationInstanceSpec,
  // Types only their describe APIs serve (describe-only.ts); last, so the coverage round of every type
  // above draws exactly what it always did.
  logGroupSpec, ebsSnapshotSpec, daxClusterSpec, emrClusterSpec,
];

export function specFor(resourceType: string): AwsTypeSpec | undefined {
  return AWS_SPECS.find((s) => s.type === resourceType);
}
