// Region facts from CloudWatch Logs and CloudWatch for the CIS metric-filter alarm checks: every metric
// filter in the region (DescribeMetricFilters) and every metric alarm (DescribeAlarms), paged and sorted so
// the Region snapshot's hash does not move with the service's order. Only the fields the checks and a
// reader need are kept: alarm state and its timestamps change all the time and would make the region look
// changed on every scan.
import { CloudWatchClient, paginateDescribeAlarms } from "@aws-sdk/client-cloudwatch";
import { CloudWatchLogsClient, paginateDescribeMetricFilters } from "@aws-sdk/client-cloudwatch-logs";
import { pagesOf, plain } from "./describe-item";

export async function readMetricFilters(logs: CloudWatchLogsClient): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for await (const page of pagesOf("logs:DescribeMetricFilters", paginateDescribeMetricFilters({ client: logs, pageSize: 50 }, {}))) {
    for (const f of page.metricFilters ?? []) {
      out.push(plain({
        filterName: f.filterName, logGroupName: f.logGroupName, filterPattern: f.filterPattern,
        metricTransformations: (f.metricTransformations ?? []).map((t) => ({ metricName: t.metricName, metricNamespace: t.metricNamespace, metricValue: t.metricValue })),
      }) as Record<string, unknown>);
    }
  }
  const key = (f: Record<string, unknown>) => `${String(f.logGroupName)}\u0000${String(f.filterName)}`;
  return out.sort((a, b) => key(a).localeCompare(key(b)));
}

export async function readAlarms(cw: CloudWatchClient): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for await (const page of pagesOf("cloudwatch:DescribeAlarms", paginateDescribeAlarms({ client: cw, pageSize: 100 }, { AlarmTypes: ["MetricAlarm"] }))) {
    for (const a of page.MetricAlarms ?? []) {
      out.push(plain({
        AlarmName: a.AlarmName, AlarmArn: a.AlarmArn, MetricName: a.MetricName, Namespace: a.Namespace, Statistic: a.Statistic,
        Dimensions: (a.Dimensions ?? []).map((d) => ({ Name: d.Name, Value: d.Value })), Period: a.Period, EvaluationPeriods: a.EvaluationPeriods,
        Threshold: a.Threshold, ComparisonOperator: a.ComparisonOperator, ActionsEnabled: a.ActionsEnabled, AlarmActions: a.AlarmActions ?? [],
      }) as Record<string, unknown>);
    }
  }
  return out.sort((a, b) => String(a.AlarmName).localeCompare(String(b.AlarmName)));
}
