// CloudWatch (JSON 1.0 with awsQueryCompatible, target GraniteServiceVersion20100801): DescribeAlarms over
// the region's facts, paged with NextToken. Only metric alarms exist in the estate.
import type { AwsAccount, MetricAlarmFact } from "../estate/model";
import { AwsError } from "./errors";
import { pageSize } from "./describe-common";
import { decodeToken, encodeToken, scan } from "./paging";

const CONFIGURED = Date.parse("2024-03-01T00:00:00Z") / 1000;

/** The alarm as DescribeAlarms returns it; state fields are wire-only (they move; the collector drops them). */
function wireAlarm(a: MetricAlarmFact) {
  return {
    ...a, OKActions: [], InsufficientDataActions: [], AlarmConfigurationUpdatedTimestamp: CONFIGURED,
    StateValue: "OK", StateReason: "Threshold Crossed: no datapoints were received for 1 period.", StateUpdatedTimestamp: Math.floor(Date.now() / 1000) - 3600,
    StateTransitionedTimestamp: Math.floor(Date.now() / 1000) - 3600, TreatMissingData: "notBreaching",
  };
}

function describeAlarms(account: AwsAccount, region: string, input: Record<string, unknown>) {
  const names = Array.isArray(input.AlarmNames) ? new Set(input.AlarmNames as string[]) : null;
  const prefix = typeof input.AlarmNamePrefix === "string" ? input.AlarmNamePrefix : "";
  if (names && prefix) throw new AwsError("InvalidParameterCombination", "AlarmNamePrefix and AlarmNames cannot be specified together.");
  const types = Array.isArray(input.AlarmTypes) ? (input.AlarmTypes as string[]) : ["MetricAlarm"];
  const state = typeof input.StateValue === "string" ? input.StateValue : null;
  const limit = pageSize(input.MaxRecords, "maxRecords", 1, 100, 50, "InvalidParameterValue");
  const alarms = types.includes("MetricAlarm") ? (account.facts.regions[region]?.alarms ?? []) : [];
  const request = JSON.stringify({ op: "DescribeAlarms", region, names: names ? [...names] : null, prefix, types, state });
  const { page, next } = scan([alarms], decodeToken(input.NextToken as string | undefined, request, "InvalidNextToken"), limit, (a) =>
    (!names || names.has(a.AlarmName)) && a.AlarmName.startsWith(prefix) && (!state || state === "OK"));
  return {
    MetricAlarms: page.map(wireAlarm), CompositeAlarms: [],
    ...(next ? { NextToken: encodeToken(request, next) } : {}),
  };
}

export function cloudWatchAction(account: AwsAccount, region: string, op: string, input: Record<string, unknown>): unknown {
  if (op === "DescribeAlarms") return describeAlarms(account, region, input);
  throw new AwsError("UnknownOperationException", `Unknown operation ${op}`);
}
