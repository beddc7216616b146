// AWS DMS (JSON 1.1, target AmazonDMSv20160101): DescribeReplicationInstances over the estate's
// AWS::DMS::ReplicationInstance items, paged with Marker (20 to 100 a page, as DMS allows).
import type { AwsAccount, ConfigItem } from "../estate/model";
import { AwsError } from "./errors";
import { isLive, pageSize, typeLists, withEpochSeconds } from "./describe-common";
import { decodeToken, encodeToken, scan } from "./paging";

const TIMESTAMPS = new Set(["InstanceCreateTime", "FreeUntil"]);
const FILTER_FIELDS: Record<string, (c: Record<string, unknown>) => unknown> = {
  "replication-instance-arn": (c) => c.ReplicationInstanceArn,
  "replication-instance-id": (c) => c.ReplicationInstanceIdentifier,
  "replication-instance-class": (c) => c.ReplicationInstanceClass,
  "engine-version": (c) => c.EngineVersion,
};

function describeReplicationInstances(account: AwsAccount, region: string, input: Record<string, unknown>) {
  const limit = pageSize(input.MaxRecords, "maxRecords", 20, 100, 100, "InvalidParameterValueException");
  const filters = Array.isArray(input.Filters) ? (input.Filters as { Name?: string; Values?: string[] }[]) : [];
  for (const f of filters) if (!f.Name || !FILTER_FIELDS[f.Name]) throw new AwsError("InvalidParameterValueException", `Invalid filter name: ${String(f.Name)}`);
  const accept = (item: ConfigItem) => isLive(item) && filters.every((f) => (f.Values ?? []).includes(String((FILTER_FIELDS[f.Name as string] as (c: Record<string, unknown>) => unknown)(item.configuration))));
  const request = JSON.stringify({ op: "DescribeReplicationInstances", region, filters });
  const { page, next } = scan(typeLists(account, region, "AWS::DMS::ReplicationInstance"), decodeToken(input.Marker as string | undefined, request, "InvalidParameterValueException"), limit, accept);
  return { ReplicationInstances: page.map((item) => withEpochSeconds(item.configuration, TIMESTAMPS)), ...(next ? { Marker: encodeToken(request, next) } : {}) };
}

export function dmsAction(account: AwsAccount, region: string, op: string, input: Record<string, unknown>): unknown {
  if (op === "DescribeReplicationInstances") return describeReplicationInstances(account, region, input);
  throw new AwsError("UnknownOperationException", `Unknown operation ${op}`);
}
