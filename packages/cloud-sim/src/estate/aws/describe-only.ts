// Resource types AWS Config does not record. The estate keeps them as items like everything else (one
// source of truth for drift, deletion and the catalog test), but the Config APIs never return them: they
// are served only by their own describe APIs (RDS, CloudWatch Logs, EC2, DAX, DMS, EMR), which is where
// the collector reads them (docs/architecture.md, "Further AWS facts read by controls").
export const DESCRIBE_ONLY_TYPES: ReadonlySet<string> = new Set([
  "AWS::RDS::DBParameterGroup",
  "AWS::Logs::LogGroup",
  "AWS::EC2::Snapshot",
  "AWS::DAX::Cluster",
  "AWS::DMS::ReplicationInstance",
  "AWS::EMR::Cluster",
]);

export const isDescribeOnly = (resourceType: string): boolean => DESCRIBE_ONLY_TYPES.has(resourceType);
