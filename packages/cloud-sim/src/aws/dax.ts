// DAX (JSON 1.1, target AmazonDAXV3): DescribeClusters over the estate's AWS::DAX::Cluster items, paged.
import type { AwsAccount } from "../estate/model";
import { AwsError } from "./errors";
import { isLive, pageSize, typeLists, withEpochSeconds } from "./describe-common";
import { decodeToken, encodeToken, scan } from "./paging";

const TIMESTAMPS = new Set(["NodeCreateTime"]);

function describeClusters(account: AwsAccount, region: string, input: Record<string, unknown>) {
  const names = Array.isArray(input.ClusterNames) ? (input.ClusterNames as string[]) : null;
  const limit = pageSize(input.MaxResults, "maxResults", 1, 100, 100, "InvalidParameterValueException");
  const lists = typeLists(account, region, "AWS::DAX::Cluster");
  if (names) {
    const known = new Set(lists.flat().filter(isLive).map((i) => i.resourceId));
    const missing = names.find((n) => !known.has(n));
    if (missing) throw new AwsError("ClusterNotFoundFault", `Cluster ${missing} not found.`);
  }
  const request = JSON.stringify({ op: "DescribeClusters", region, names });
  const { page, next } = scan(lists, decodeToken(input.NextToken as string | undefined, request, "InvalidParameterValueException"), limit, (item) =>
    isLive(item) && (!names || names.includes(item.resourceId)));
  return {
    Clusters: page.map((item) => withEpochSeconds(item.configuration, TIMESTAMPS)),
    ...(next ? { NextToken: encodeToken(request, next) } : {}),
  };
}

export function daxAction(account: AwsAccount, region: string, op: string, input: Record<string, unknown>): unknown {
  if (op === "DescribeClusters") return describeClusters(account, region, input);
  throw new AwsError("UnknownOperationException", `Unknown operation ${op}`);
}
