// CloudWatch Logs (JSON 1.1, target Logs_20140328): DescribeLogGroups over the estate's AWS::Logs::LogGroup
// items and DescribeMetricFilters over the region's facts, both paged with nextToken (at most 50 a page).
import type { AwsAccount } from "../estate/model";
import { AwsError } from "./errors";
import { isLive, pageSize, typeLists } from "./describe-common";
import { decodeToken, encodeToken, scan } from "./paging";

const LOG_GROUP = "AWS::Logs::LogGroup";
const FILTERS_CREATED = Date.parse("2024-03-01T00:00:00Z");

function describeLogGroups(account: AwsAccount, region: string, input: Record<string, unknown>) {
  const prefix = typeof input.logGroupNamePrefix === "string" ? input.logGroupNamePrefix : "";
  const pattern = typeof input.logGroupNamePattern === "string" ? input.logGroupNamePattern.toLowerCase() : "";
  if (prefix && pattern) throw new AwsError("InvalidParameterException", "LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.");
  const limit = pageSize(input.limit, "limit", 1, 50, 50, "InvalidParameterException");
  const request = JSON.stringify({ op: "DescribeLogGroups", region, prefix, pattern });
  const { page, next } = scan(typeLists(account, region, LOG_GROUP), decodeToken(input.nextToken as string | undefined, request, "InvalidParameterException"), limit, (item) => {
    const name = item.resourceId;
    return isLive(item) && name.startsWith(prefix) && (!pattern || name.toLowerCase().includes(pattern));
  });
  return {
    // storedBytes is wire-only: it changes all the time, so the collector leaves it out and so does the estate.
    logGroups: page.map((item) => ({ ...item.configuration, storedBytes: 1024 * (1 + (item.configurationStateId % 997)) })),
    ...(next ? { nextToken: encodeToken(request, next) } : {}),
  };
}

function describeMetricFilters(account: AwsAccount, region: string, input: Record<string, unknown>) {
  const group = typeof input.logGroupName === "string" ? input.logGroupName : null;
  const namePrefix = typeof input.filterNamePrefix === "string" ? input.filterNamePrefix : "";
  if (namePrefix && !group) throw new AwsError("InvalidParameterException", "filterNamePrefix requires logGroupName.");
  const metricName = typeof input.metricName === "string" ? input.metricName : null;
  const namespace = typeof input.metricNamespace === "string" ? input.metricNamespace : null;
  if ((metricName === null) !== (namespace === null)) throw new AwsError("InvalidParameterException", "metricName and metricNamespace must be given together.");
  const limit = pageSize(input.limit, "limit", 1, 50, 50, "InvalidParameterException");
  const filters = account.facts.regions[region]?.metricFilters ?? [];
  const request = JSON.stringify({ op: "DescribeMetricFilters", region, group, namePrefix, metricName, namespace });
  const { page, next } = scan([filters], decodeToken(input.nextToken as string | undefined, request, "InvalidParameterException"), limit, (f) =>
    (!group || f.logGroupName === group) && f.filterName.startsWith(namePrefix)
    && (!metricName || f.metricTransformations.some((t) => t.metricName === metricName && t.metricNamespace === namespace)));
  return {
    // creationTime is wire-only (epoch milliseconds): the collector keeps name, group, pattern and metrics.
    metricFilters: page.map((f) => ({ ...f, creationTime: FILTERS_CREATED })),
    ...(next ? { nextToken: encodeToken(request, next) } : {}),
  };
}

export function logsAction(account: AwsAccount, region: string, op: string, input: Record<string, unknown>): unknown {
  if (op === "DescribeLogGroups") return describeLogGroups(account, region, input);
  if (op === "DescribeMetricFilters") return describeMetricFilters(account, region, input);
  throw new AwsError("UnknownOperationException", `Unknown operation ${op}`);
}
