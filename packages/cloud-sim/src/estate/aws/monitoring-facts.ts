// CloudWatch metric filters and alarms per region, and IAM virtual MFA devices: facts AWS Config does not
// record. Everything here follows from the account's flavour and its generated items with no random draw,
// so adding these facts left every other generated value (and each seed's estate) as it was.
import type { ConfigItem, MetricAlarmFact, MetricFilterFact, VirtualMfaDeviceFact } from "../model";

export type AccountFlavour = "good" | "weak" | "none";

/** CIS 4.x filter patterns, written the way the CIS benchmark prints them. */
const CONSOLE_AUTH_FAILURES = '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }';
const ROOT_USAGE = '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }';
const UNAUTHORIZED_CALLS = '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }';
const NAMESPACE = "CISBenchmark";

/** Log group names CloudTrail delivers to, per region (from the trail CIs' cloudWatchLogsLogGroupArn). */
export function trailLogGroup(item: ConfigItem): { region: string; name: string } | null {
  if (item.resourceType !== "AWS::CloudTrail::Trail") return null;
  const arn = item.configuration.cloudWatchLogsLogGroupArn;
  const parts = typeof arn === "string" ? arn.split(":") : [];
  return parts.length >= 7 && parts[5] === "log-group" ? { region: parts[3] as string, name: parts[6] as string } : null;
}

function filter(logGroupName: string, metricName: string, filterPattern: string): MetricFilterFact {
  return { filterName: `${metricName}-filter`, logGroupName, filterPattern, metricTransformations: [{ metricName, metricNamespace: NAMESPACE, metricValue: "1" }] };
}

function alarm(accountId: string, region: string, name: string, metricName: string, namespace: string, actions: string[], enabled = true, dimensions: { Name: string; Value: string }[] = []): MetricAlarmFact {
  return {
    AlarmName: name, AlarmArn: `arn:aws:cloudwatch:${region}:${accountId}:alarm:${name}`, MetricName: metricName, Namespace: namespace,
    Statistic: namespace === NAMESPACE ? "Sum" : "Average", Dimensions: dimensions, Period: 300, EvaluationPeriods: 1,
    Threshold: namespace === NAMESPACE ? 1 : 80, ComparisonOperator: "GreaterThanOrEqualToThreshold", ActionsEnabled: enabled, AlarmActions: actions,
  };
}

/**
 * A good account alarms on console sign-in failures and root use in its home region (on the trail's log
 * group, with an SNS action); a weak one has the filters but alarms that notify nobody (actions disabled,
 * or none); an account without a policy has neither. Every region has an ordinary CPU alarm.
 */
export function metricFactsFor(accountId: string, region: string, home: boolean, flavour: AccountFlavour, trailLogGroups: readonly string[]): { metricFilters: MetricFilterFact[]; alarms: MetricAlarmFact[] } {
  const topic = `arn:aws:sns:${region}:${accountId}:security-alerts`;
  const alarms = [alarm(accountId, region, "ec2-high-cpu", "CPUUtilization", "AWS/EC2", [topic], true, [{ Name: "AutoScalingGroupName", Value: "app-tier" }])];
  const group = trailLogGroups[0];
  if (!home || flavour === "none" || !group) return sorted([], alarms);
  const metricFilters = [filter(group, "ConsoleAuthFailures", CONSOLE_AUTH_FAILURES), filter(group, "RootAccountUsage", ROOT_USAGE)];
  if (flavour === "good") {
    metricFilters.push(filter(group, "UnauthorizedAPICalls", UNAUTHORIZED_CALLS));
    alarms.push(
      alarm(accountId, region, "cis-console-auth-failures", "ConsoleAuthFailures", NAMESPACE, [topic]),
      alarm(accountId, region, "cis-root-account-usage", "RootAccountUsage", NAMESPACE, [topic]),
      alarm(accountId, region, "cis-unauthorized-api-calls", "UnauthorizedAPICalls", NAMESPACE, [topic]),
    );
  } else {
    alarms.push(
      alarm(accountId, region, "console-auth-failures", "ConsoleAuthFailures", NAMESPACE, [topic], false),
      alarm(accountId, region, "root-account-usage", "RootAccountUsage", NAMESPACE, []),
    );
  }
  return sorted(metricFilters, alarms);
}

/** In the collector's order (it sorts, so the Region snapshot does not move with the service's paging order). */
function sorted(metricFilters: MetricFilterFact[], alarms: MetricAlarmFact[]) {
  const key = (f: MetricFilterFact) => `${f.logGroupName}\u0000${f.filterName}`;
  return { metricFilters: metricFilters.sort((a, b) => key(a).localeCompare(key(b))), alarms: alarms.sort((a, b) => a.AlarmName.localeCompare(b.AlarmName)) };
}

/**
 * Virtual MFA devices: one per IAM user whose credential report row says MFA is active (the authenticator
 * app is the common case), plus the root user's when root uses a virtual device rather than hardware.
 */
export function virtualMfaDevicesFor(accountId: string, rows: readonly Record<string, string>[], rootVirtual: boolean): VirtualMfaDeviceFact[] {
  const toIso = (t: string | undefined) => new Date(Date.parse(t ?? "") || 0).toISOString();
  const out: VirtualMfaDeviceFact[] = [];
  for (const row of rows) {
    if (row.mfa_active !== "true" || !row.user || row.user === "<root_account>") continue;
    out.push({ SerialNumber: `arn:aws:iam::${accountId}:mfa/${row.user}`, User: { Arn: row.arn ?? `arn:aws:iam::${accountId}:user/${row.user}` }, EnableDate: toIso(row.user_creation_time) });
  }
  const root = rows.find((r) => r.user === "<root_account>");
  if (rootVirtual && root) out.push({ SerialNumber: `arn:aws:iam::${accountId}:mfa/root-account-mfa-device`, User: { Arn: `arn:aws:iam::${accountId}:root` }, EnableDate: toIso(root.user_creation_time) });
  return out.sort((a, b) => a.SerialNumber.localeCompare(b.SerialNumber));
}
