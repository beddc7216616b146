// CloudTrail (JSON 1.1), GuardDuty and Security Hub (REST-JSON) reads, derived from the estate so drift
// on a trail or detector item shows up here too.
import type { AwsAccount, ConfigItem } from "../estate/model";
import { AwsError } from "./errors";

function trails(account: AwsAccount): ConfigItem[] {
  const out: ConfigItem[] = [];
  for (const region of account.regions) {
    for (const list of account.items.lists(region, false, ["AWS::CloudTrail::Trail"])) {
      for (const item of list) if (item.configurationItemStatus !== "ResourceDeleted") out.push(item);
    }
  }
  return out;
}

function trailView(item: ConfigItem) {
  const c = item.configuration as Record<string, unknown>;
  return {
    Name: c.name, S3BucketName: c.s3BucketName, S3KeyPrefix: c.s3KeyPrefix || undefined, IncludeGlobalServiceEvents: c.includeGlobalServiceEvents,
    IsMultiRegionTrail: c.isMultiRegionTrail, HomeRegion: c.homeRegion, TrailARN: c.trailARN, LogFileValidationEnabled: c.logFileValidationEnabled,
    CloudWatchLogsLogGroupArn: c.cloudWatchLogsLogGroupArn, CloudWatchLogsRoleArn: c.cloudWatchLogsRoleArn, KmsKeyId: c.kmsKeyId,
    HasCustomEventSelectors: c.hasCustomEventSelectors, HasInsightSelectors: c.hasInsightSelectors, IsOrganizationTrail: c.isOrganizationTrail,
  };
}

export function cloudTrailAction(account: AwsAccount, region: string, op: string, input: Record<string, unknown>): unknown {
  switch (op) {
    case "DescribeTrails": {
      const names = Array.isArray(input.trailNameList) ? (input.trailNameList as string[]) : null;
      const shadows = input.includeShadowTrails !== false;
      const list = trails(account).filter((t) => {
        const c = t.configuration as Record<string, unknown>;
        const inRegion = c.homeRegion === region || (shadows && c.isMultiRegionTrail === true);
        return inRegion && (!names || names.includes(String(c.name)) || names.includes(String(c.trailARN)));
      });
      return { trailList: list.map(trailView) };
    }
    case "GetTrailStatus": {
      const name = input.Name;
      if (typeof name !== "string" || !name) throw new AwsError("InvalidTrailNameException", "Trail name must be specified.");
      const trail = trails(account).find((t) => t.resourceId === name || t.arn === name);
      if (!trail) throw new AwsError("TrailNotFoundException", `Unknown trail: ${name} for the user: ${account.accountId}`);
      const status = account.facts.trailStatus[trail.arn];
      const logging = status?.isLogging ?? false;
      const start = Date.parse(status?.startLoggingTime ?? new Date().toISOString()) / 1000;
      const delivered = logging ? Math.floor(Date.now() / 1000) - 600 : start;
      return {
        IsLogging: logging, LatestDeliveryTime: delivered, StartLoggingTime: start, ...(logging ? {} : { StopLoggingTime: start + 3600 }),
        LatestDigestDeliveryTime: delivered, LatestDeliveryAttemptTime: new Date(delivered * 1000).toISOString(), LatestDeliveryAttemptSucceeded: new Date(delivered * 1000).toISOString(),
        TimeLoggingStarted: new Date(start * 1000).toISOString(),
        ...((trail.configuration as Record<string, unknown>).cloudWatchLogsLogGroupArn ? { LatestCloudWatchLogsDeliveryTime: delivered } : {}),
      };
    }
    case "GetEventSelectors": {
      const name = input.TrailName;
      if (typeof name !== "string" || !name) throw new AwsError("InvalidTrailNameException", "Trail name must be specified.");
      const trail = trails(account).find((t) => t.resourceId === name || t.arn === name);
      if (!trail) throw new AwsError("TrailNotFoundException", `Unknown trail: ${name} for the user: ${account.accountId}`);
      // A trail uses basic or advanced selectors; CloudTrail returns the kind in use. No recorded selectors = the default (management events).
      const s = account.facts.trailEventSelectors[trail.arn] ?? { EventSelectors: [{ ReadWriteType: "All", IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] }], AdvancedEventSelectors: [] };
      return { TrailARN: trail.arn, ...(s.AdvancedEventSelectors.length > 0 ? { AdvancedEventSelectors: s.AdvancedEventSelectors } : { EventSelectors: s.EventSelectors }) };
    }
    default:
      throw new AwsError("UnknownOperationException", `Unknown operation ${op}`);
  }
}

export function guardDutyListDetectors(account: AwsAccount, region: string): unknown {
  const fromItems: string[] = [];
  for (const list of account.items.lists(region, false, ["AWS::GuardDuty::Detector"])) {
    for (const item of list) if (item.configurationItemStatus !== "ResourceDeleted") fromItems.push(item.resourceId);
  }
  const regionFacts = account.facts.regions[region];
  const hasItems = account.items.lists(region, false, ["AWS::GuardDuty::Detector"]).length > 0;
  return { detectorIds: hasItems ? fromItems : (regionFacts?.guardDutyDetectorIds ?? []) };
}

/** AWS Backup ListProtectedResources (GET /resources/), 1000 per page. */
export function backupListProtectedResources(account: AwsAccount, region: string, query: URLSearchParams): unknown {
  const arns = account.facts.regions[region]?.backupProtectedResourceArns ?? [];
  const max = Math.min(Math.max(Number(query.get("maxResults") ?? 1000) || 1000, 1), 1000);
  const start = Number(query.get("nextToken") ?? 0);
  if (!Number.isInteger(start) || start < 0 || start > arns.length) throw new AwsError("InvalidParameterValueException", "Invalid nextToken", 400);
  const page = arns.slice(start, start + max);
  const typeOf = (arn: string) => (arn.includes(":rds:") ? "RDS" : arn.includes(":volume/") ? "EBS" : arn.includes(":instance/") ? "EC2" : arn.includes(":dynamodb:") ? "DynamoDB" : "EFS");
  return {
    Results: page.map((ResourceArn) => ({ ResourceArn, ResourceType: typeOf(ResourceArn), LastBackupTime: Math.floor(Date.now() / 1000) - 3600 * 6 })),
    ...(start + max < arns.length ? { NextToken: String(start + max) } : {}),
  };
}

export function securityHubDescribeHub(account: AwsAccount, region: string): unknown {
  const hub = account.facts.regions[region]?.securityHub;
  if (!hub) throw new AwsError("InvalidAccessException", `Account ${account.accountId} is not subscribed to AWS Security Hub`, 401);
  return { HubArn: hub.hubArn, SubscribedAt: hub.subscribedAt, AutoEnableControls: true, ControlFindingGenerator: "SECURITY_CONTROL" };
}
