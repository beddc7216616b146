// The resource types the AWS collector reads from describe APIs because AWS Config does not record them
// (docs/architecture.md, "Further AWS facts read by controls"). They are read in full on every scan, full
// or incremental: these APIs have no "changed since" filter, and a resource must be seen on each scan to
// count as present (run-scan marks what a complete region did not return as deleted).
import { daxClusters } from "./dax-clusters";
import type { DescribeReader } from "./describe-item";
import { dmsReplicationInstances } from "./dms-replication-instances";
import { ebsSnapshots } from "./ebs-snapshots";
import { emrClusters } from "./emr-clusters";
import { logGroups } from "./log-groups";
import { rdsParameterGroups } from "./rds-parameter-groups";

export const DESCRIBE_READERS: readonly DescribeReader[] = [rdsParameterGroups, logGroups, ebsSnapshots, daxClusters, dmsReplicationInstances, emrClusters];

export const DESCRIBED_TYPES: ReadonlySet<string> = new Set(DESCRIBE_READERS.map((r) => r.resourceType));
