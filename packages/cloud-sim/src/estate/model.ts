// The in-memory estate: what the simulator serves. Configuration items are kept as plain objects
// and serialised per page on demand (no pre-rendered JSON), which keeps a 100k-resource account cheap.

export interface Relationship {
  resourceType: string;
  resourceId: string;
  resourceName?: string;
  relationshipName: string;
}

export type ItemStatus = "OK" | "ResourceDiscovered" | "ResourceDeleted";

/** One AWS Config configuration item, in AWS's field names. Times are ISO strings. */
export interface ConfigItem {
  resourceType: string;
  resourceId: string;
  resourceName: string | null;
  arn: string;
  accountId: string;
  /** `global` for IAM types, as AWS Config records them. */
  awsRegion: string;
  availabilityZone: string;
  resourceCreationTime: string | null;
  configurationItemCaptureTime: string;
  configurationItemStatus: ItemStatus;
  /** Set when the resource was deleted; the item then only shows up in ListDiscoveredResources(includeDeletedResources). */
  resourceDeletionTime: string | null;
  configurationStateId: number;
  configuration: Record<string, unknown>;
  supplementaryConfiguration: Record<string, unknown>;
  tags: Record<string, string>;
  relationships: Relationship[];
}

export interface PasswordPolicy {
  MinimumPasswordLength: number;
  RequireSymbols: boolean;
  RequireNumbers: boolean;
  RequireUppercaseCharacters: boolean;
  RequireLowercaseCharacters: boolean;
  AllowUsersToChangePassword: boolean;
  ExpirePasswords: boolean;
  MaxPasswordAge?: number;
  PasswordReusePrevention?: number;
  HardExpiry?: boolean;
}

export interface RecorderFacts {
  name: string;
  roleARN: string;
  allSupported: boolean;
  includeGlobalResourceTypes: boolean;
  recording: boolean;
  lastStatus: "SUCCESS" | "FAILURE" | "PENDING";
  lastStartTime: string;
}

export interface RegionFacts {
  ebsEncryptionByDefault: boolean;
  /** null when no Config recorder exists in the region (Config then serves nothing there). */
  recorder: RecorderFacts | null;
  securityHub: { hubArn: string; subscribedAt: string } | null;
  /** GuardDuty detectors in the region (ListDetectors lists suspended ones too). */
  guardDutyDetectorIds: string[];
  /** ARNs AWS Backup protects in the region (backup:ListProtectedResources). */
  backupProtectedResourceArns: string[];
  /** CloudWatch Logs metric filters (logs:DescribeMetricFilters), in the fields the collector keeps. */
  metricFilters: MetricFilterFact[];
  /** CloudWatch metric alarms (cloudwatch:DescribeAlarms MetricAlarms), in the fields the collector keeps. */
  alarms: MetricAlarmFact[];
}

export interface MetricFilterFact {
  filterName: string;
  logGroupName: string;
  filterPattern: string;
  metricTransformations: { metricName: string; metricNamespace: string; metricValue: string }[];
}

export interface MetricAlarmFact {
  AlarmName: string;
  AlarmArn: string;
  MetricName: string;
  Namespace: string;
  Statistic: string;
  Dimensions: { Name: string; Value: string }[];
  Period: number;
  EvaluationPeriods: number;
  Threshold: number;
  ComparisonOperator: string;
  ActionsEnabled: boolean;
  AlarmActions: string[];
}

/** CloudTrail GetEventSelectors: a trail uses basic or advanced selectors (the other list is empty). */
export interface TrailEventSelectors {
  EventSelectors: Record<string, unknown>[];
  AdvancedEventSelectors: Record<string, unknown>[];
}

/** IAM ListVirtualMFADevices element, in the fields the collector keeps (EnableDate as ISO). */
export interface VirtualMfaDeviceFact {
  SerialNumber: string;
  User?: { Arn: string };
  EnableDate: string;
}

export interface TrailStatus {
  isLogging: boolean;
  startLoggingTime: string;
  latestDeliveryTime: string;
}

/** Facts AWS Config does not record, served by IAM, EC2, Security Hub, CloudTrail and Config's recorder APIs. */
export interface AccountFacts {
  passwordPolicy: PasswordPolicy | null;
  accountSummary: Record<string, number>;
  credentialReport: Record<string, string>[];
  regions: Record<string, RegionFacts>;
  /** keyed by trail ARN */
  trailStatus: Record<string, TrailStatus>;
  credentialReportState: "NONE" | "STARTED" | "COMPLETE";
  credentialReportGeneratedAt: string | null;
  /** keyed by trail ARN; a trail missing here logs management events only */
  trailEventSelectors: Record<string, TrailEventSelectors>;
  virtualMfaDevices: VirtualMfaDeviceFact[];
}

export interface AwsAccount {
  accountId: string;
  alias: string;
  roleName: string;
  roleArn: string;
  externalId: string;
  homeRegion: string;
  /** Regions enabled for the account (DescribeRegions); some have no recorder. */
  regions: string[];
  /** Regions worth onboarding: where resources live, plus eu-west-1 (which lacks a recorder in some accounts). */
  scanRegions: string[];
  items: AccountItems;
  facts: AccountFacts;
}

/**
 * Items of one account, indexed by region then type so a query touches only the lists it needs.
 * Lists only grow (deletions flip status), so a paging cursor (list, position) stays valid while drift happens.
 */
export class AccountItems {
  private readonly byRegion = new Map<string, Map<string, ConfigItem[]>>();
  private readonly byKey = new Map<string, ConfigItem>();

  private count = 0;

  /** Resource ids are unique per type within one account and region (recorders are all called "default"). */
  static key(region: string, resourceType: string, resourceId: string): string {
    return `${region}|${resourceType}|${resourceId}`;
  }

  add(item: ConfigItem): void {
    let types = this.byRegion.get(item.awsRegion);
    if (!types) this.byRegion.set(item.awsRegion, (types = new Map()));
    let list = types.get(item.resourceType);
    if (!list) types.set(item.resourceType, (list = []));
    list.push(item);
    this.byKey.set(AccountItems.key(item.awsRegion, item.resourceType, item.resourceId), item);
    this.count++;
  }

  /** The item with this key as seen from `region` (its own items, then global ones). */
  get(region: string, resourceType: string, resourceId: string): ConfigItem | undefined {
    return this.byKey.get(AccountItems.key(region, resourceType, resourceId)) ?? this.byKey.get(AccountItems.key("global", resourceType, resourceId));
  }

  /** Lists of items visible from one region: its own plus `global` ones when the region records globals. */
  lists(region: string, includeGlobal: boolean, types?: readonly string[]): ConfigItem[][] {
    const regions = includeGlobal ? [region, "global"] : [region];
    const out: ConfigItem[][] = [];
    if (types) {
      for (const type of types) {
        for (const r of regions) {
          const list = this.byRegion.get(r)?.get(type);
          if (list) out.push(list);
        }
      }
      return out;
    }
    for (const r of regions) {
      const byType = this.byRegion.get(r);
      if (!byType) continue;
      for (const type of [...byType.keys()].sort()) out.push(byType.get(type) as ConfigItem[]);
    }
    return out;
  }

  *all(): IterableIterator<ConfigItem> {
    for (const types of this.byRegion.values()) for (const list of types.values()) yield* list;
  }

  get size(): number {
    return this.count;
  }
}

/** One Azure Resource Graph row plus the ARM child settings the Azure checks read. */
export interface AzureResource {
  /** The ARG row exactly as Resource Graph returns it (type lower-cased). */
  row: Record<string, unknown> & { id: string; type: string; subscriptionId: string };
  /** ARM child reads keyed by the path suffix served under the resource id, e.g. `auditingSettings/default`. */
  children: Record<string, unknown>;
  /** Key vaults: what the vault's own data plane serves (keys, secrets). */
  dataPlane?: import("./azure/keyvault-items").VaultDataPlane;
  deleted: boolean;
}

/** One row of Resource Graph's `resourcechanges` table (ARG keeps 14 days of them). */
export type AzureChangeRow = Record<string, unknown> & {
  id: string;
  subscriptionId: string;
  properties: { targetResourceId: string; targetResourceType: string; changeType: "Create" | "Update" | "Delete"; changeAttributes: { timestamp: string } & Record<string, unknown> } & Record<string, unknown>;
};

export interface AzureSubscription {
  subscriptionId: string;
  displayName: string;
  tenantId: string;
  resources: AzureResource[];
  byId: Map<string, AzureResource>;
  /** The change history Resource Graph serves as `resourcechanges`, oldest first; only grows. */
  changes: AzureChangeRow[];
}

export interface AzureTenant {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** Entra ID users as Microsoft Graph reports them. */
  directory: import("./azure/entra").EntraDirectory;
}

export interface Estate {
  seed: string;
  referenceTime: string;
  misconfiguredShare: number;
  aws: AwsAccount[];
  azureTenant: AzureTenant;
  azure: AzureSubscription[];
}
