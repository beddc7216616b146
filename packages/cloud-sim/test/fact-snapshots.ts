// An AWS account's snapshots as the AWS collector builds them, straight from the simulator's estate, for the
// catalog test: Config items (and the describe-only types, which the estate keeps in the collector's shape)
// through the collector's normaliser, trails with their event selectors, and the account and region facts
// (architecture.md, "Account-level facts AWS Config does not hold" and "Further AWS facts read by controls").
// packages/collectors/src/aws/describe-types.test.ts checks that a real scan yields exactly these shapes.
import { fromAwsConfigItem, type ResourceSnapshot } from "@safeguard/controls/snapshot";
import { cloudTrailAction, guardDutyListDetectors } from "../src/aws/account-services";
import { describeConfigurationRecorders, describeConfigurationRecorderStatus } from "../src/aws/config-service";
import { project } from "../src/aws/select/evaluate";
import type { AwsAccount } from "../src/estate/model";

const SELECTED = ["accountId", "arn", "awsRegion", "resourceId", "resourceName", "resourceType", "configurationItemCaptureTime", "configurationItemStatus", "configuration", "supplementaryConfiguration", "tags", "relationships"];

const base = (account: AwsAccount, resourceType: string, nativeId: string, resourceId: string, region: string, configuration: Record<string, unknown>): ResourceSnapshot => ({
  provider: "aws", nativeId, resourceId, resourceType, accountId: account.accountId, region, name: resourceId, tags: {},
  configuration, supplementaryConfiguration: {}, relationships: [], capturedAt: null,
});

/** Every item of the account plus its fact snapshots for `regions`. */
export function awsAccountSnapshots(account: AwsAccount, regions: string[]): ResourceSnapshot[] {
  const out: ResourceSnapshot[] = [];
  for (const item of account.items.all()) {
    const n = fromAwsConfigItem(JSON.stringify(project(item, SELECTED)));
    if (!n.ok) throw new Error(`${item.resourceType} ${item.resourceId}: ${n.reason}`);
    if (item.resourceType === "AWS::CloudTrail::Trail") {
      const selectors = cloudTrailAction(account, item.awsRegion, "GetEventSelectors", { TrailName: item.arn }) as { EventSelectors?: unknown[]; AdvancedEventSelectors?: unknown[] };
      n.snapshot.supplementaryConfiguration.EventSelectors = selectors.EventSelectors ?? [];
      n.snapshot.supplementaryConfiguration.AdvancedEventSelectors = selectors.AdvancedEventSelectors ?? [];
    }
    out.push(n.snapshot);
  }
  out.push(...factSnapshots(account, regions));
  return out;
}

export function factSnapshots(account: AwsAccount, regions: string[]): ResourceSnapshot[] {
  const f = account.facts;
  const out = [base(account, "Safeguard::AWS::Account", `arn:aws:iam::${account.accountId}:root`, account.accountId, "global", {
    accountId: account.accountId, passwordPolicy: f.passwordPolicy, accountSummary: f.accountSummary, credentialReport: f.credentialReport,
    virtualMfaDevices: f.virtualMfaDevices, regions, collectionErrors: [],
  })];
  for (const region of regions) {
    const r = f.regions[region];
    const call = { account, region, input: {} };
    const trails = (cloudTrailAction(account, region, "DescribeTrails", { includeShadowTrails: true }) as { trailList: Record<string, unknown>[] }).trailList.map((t) => {
      const status = cloudTrailAction(account, region, "GetTrailStatus", { Name: t.TrailARN }) as { IsLogging: boolean };
      return { name: t.Name, trailArn: t.TrailARN, homeRegion: t.HomeRegion, isMultiRegionTrail: t.IsMultiRegionTrail ?? false, isLogging: status.IsLogging, logFileValidationEnabled: t.LogFileValidationEnabled ?? false, kmsKeyId: t.KmsKeyId ?? null, s3BucketName: t.S3BucketName ?? null };
    });
    out.push(base(account, "Safeguard::AWS::Region", `arn:aws:safeguard:${region}:${account.accountId}:region`, region, region, {
      region, ebsEncryptionByDefault: r?.ebsEncryptionByDefault ?? null,
      guardDutyDetectorIds: (guardDutyListDetectors(account, region) as { detectorIds: string[] }).detectorIds,
      securityHub: r?.securityHub ? { enabled: true, hubArn: r.securityHub.hubArn } : { enabled: false },
      configurationRecorders: describeConfigurationRecorders(call).ConfigurationRecorders,
      configurationRecorderStatuses: describeConfigurationRecorderStatus(call).ConfigurationRecordersStatus.map((s) => ({ name: s.name, recording: s.recording, lastStatus: s.lastStatus, lastErrorCode: null })),
      trails, backupProtectedResourceArns: r?.backupProtectedResourceArns ?? [], metricFilters: r?.metricFilters ?? [], alarms: r?.alarms ?? [], collectionErrors: [],
    }));
  }
  return out;
}
