// CloudWatch metric filters + alarms on the CloudTrail log group (CIS 4.x / Prowler cloudwatch_log_metric_filter_*).
// Read from Safeguard::AWS::Region facts: `metricFilters` (CloudWatch Logs DescribeMetricFilters .metricFilters)
// and `alarms` (CloudWatch DescribeAlarms .MetricAlarms). Absent = not collected (NOT_APPLICABLE, e.g. a snapshot recorded before the collector read it),
// null = the read failed (ERROR). Trails come from their AWS Config items (cloudWatchLogsLogGroupArn).
import { aws, fix } from "../../lib/define";
import { asArray, isObj, type Obj } from "../../lib/path";
import { error, ev, na, verdict } from "../../lib/result";
import { C, cite } from "../../rule/citations";
import type { ResourceSnapshot } from "../../snapshot";
import type { CheckResult, EvalContext } from "../../types";
import { REGION } from "./region-facts";

const TRAIL = "AWS::CloudTrail::Trail";

/** Log groups CloudTrail delivers to, by "account/region" (from arn:aws:logs:<region>:<account>:log-group:<name>:*). */
function trailLogGroups(ctx: EvalContext): Map<string, Set<string>> {
  return ctx.memo("cloudtrail-log-groups", () => {
    const m = new Map<string, Set<string>>();
    for (const t of ctx.ofType(TRAIL)) {
      const arn = t.configuration?.cloudWatchLogsLogGroupArn;
      const parts = typeof arn === "string" ? arn.split(":") : [];
      if (parts.length < 7 || parts[5] !== "log-group") continue;
      const key = `${parts[4]}/${parts[3]}`;
      const s = m.get(key) ?? new Set<string>();
      s.add(parts[6]!);
      m.set(key, s);
    }
    return m;
  });
}

/** The filter pattern after removing whitespace and quotes, so spacing and quoting variants compare equal. */
const squash = (s: string): string => s.replace(/[\s"']/g, "");

function regionFilterCheck(r: ResourceSnapshot, ctx: EvalContext, patterns: readonly RegExp[]): CheckResult {
  const c = isObj(r.configuration) ? r.configuration : {};
  const { metricFilters, alarms } = c;
  if (metricFilters === undefined || alarms === undefined) return na("not collected: CloudWatch Logs metric filters and CloudWatch alarms are missing from this snapshot (recorded before the collector read them)");
  if (metricFilters === null) return error("CloudWatch Logs metric filters could not be read for this region");
  if (alarms === null) return error("CloudWatch alarms could not be read for this region");
  const groups = trailLogGroups(ctx);
  const here = groups.get(`${r.accountId}/${r.region}`);
  if (!here || here.size === 0) {
    const elsewhere = [...groups.keys()].filter((k) => k.startsWith(`${r.accountId}/`)).map((k) => k.slice(r.accountId.length + 1));
    // The filter belongs beside the trail's log group; regions without one are judged where that group lives.
    if (elsewhere.length > 0) return na(`CloudTrail delivers to CloudWatch Logs in ${elsewhere.join(", ")}, not here`);
    return verdict(false, [ev("AWS::CloudTrail::Trail.configuration.cloudWatchLogsLogGroupArn", "no trail in the account delivers to CloudWatch Logs", "a trail log group with the metric filter and an alarm")]);
  }
  const matching = asArray(metricFilters).filter((f): f is Obj => isObj(f) && typeof f.logGroupName === "string" && here.has(f.logGroupName)
    && typeof f.filterPattern === "string" && patterns.every((p) => p.test(squash(f.filterPattern as string))));
  const metrics = new Set(matching.flatMap((f) => asArray(f.metricTransformations).filter(isObj).map((t) => `${String(t.metricNamespace)}/${String(t.metricName)}`)));
  // An alarm with no action notifies nobody, so it does not count.
  const alarmed = asArray(alarms).filter((a): a is Obj => isObj(a) && metrics.has(`${String(a.Namespace)}/${String(a.MetricName)}`)
    && a.ActionsEnabled !== false && asArray(a.AlarmActions).length > 0);
  return verdict(alarmed.length > 0, [
    ev("configuration.metricFilters[].filterPattern", matching.length > 0 ? matching.map((f) => ({ filterName: f.filterName ?? null, logGroupName: f.logGroupName })) : `no matching filter on ${[...here].join(", ")}`, "a matching filter on the trail log group"),
    ev("configuration.alarms[].AlarmName", alarmed.map((a) => a.AlarmName ?? null), "an alarm with actions on the filter's metric"),
  ]);
}

const metricFilterCheck = (id: string, title: string, rationale: string, pattern: string, patterns: readonly RegExp[]) =>
  aws({
    id, resourceType: REGION, severity: "medium", citations: cite(C.alerting, C.auditLogging), contextTypes: [TRAIL],
    title, rationale,
    reads: ["configuration.metricFilters[].logGroupName|filterPattern|metricTransformations[].metricName|metricNamespace", "configuration.alarms[].MetricName|Namespace|ActionsEnabled|AlarmActions", `${TRAIL} configuration.cloudWatchLogsLogGroupArn`],
    remediation: fix(`CloudWatch > Log groups > the CloudTrail log group > Metric filters > Create: pattern ${pattern}; then Create alarm on the metric with an SNS action.`, `aws logs put-metric-filter --log-group-name TRAIL_LOG_GROUP --filter-name F --filter-pattern '${pattern}' --metric-transformations metricName=M,metricNamespace=CISBenchmark,metricValue=1 && aws cloudwatch put-metric-alarm --alarm-name A --metric-name M --namespace CISBenchmark --statistic Sum --period 300 --threshold 1 --comparison-operator GreaterThanOrEqualToThreshold --evaluation-periods 1 --alarm-actions SNS_ARN`, "resource \"aws_cloudwatch_log_metric_filter\" {...}  resource \"aws_cloudwatch_metric_alarm\" { alarm_actions = [aws_sns_topic.security.arn] }"),
    evaluate: (r, ctx) => regionFilterCheck(r, ctx, patterns),
  });

export const metricAlarmChecks = [
  metricFilterCheck("aws.cloudwatch.region.alarm-console-auth-failures", "Failed console sign-ins raise a CloudWatch alarm",
    "Repeated failed sign-ins are the first sign of a password-guessing attack on accounts with access to ePHI.",
    '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }',
    [/\$\.eventName=ConsoleLogin/, /\$\.errorMessage=Failedauthentication/]),
  metricFilterCheck("aws.cloudwatch.region.alarm-root-usage", "Use of the root user raises a CloudWatch alarm",
    "The root user bypasses every IAM control; each use should be seen and explained.",
    '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
    [/\$\.userIdentity\.type=Root/, /\$\.userIdentity\.invokedByNOTEXISTS/, /\$\.eventType!=AwsServiceEvent/]),
];
