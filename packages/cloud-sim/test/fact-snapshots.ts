// Account and region snapshots built from the simulator's account facts in the shape the AWS collector
// gives them (architecture.md, "Account-level facts AWS Config does not hold"), for the catalog test.
import type { ResourceSnapshot } from "@safeguard/controls/snapshot";
import { cloudTrailAction, guardDutyListDetectors } from "../src/aws/account-services";
import { describeConfigurationRecorders, describeConfigurationRecorderStatus } from "../src/aws/config-service";
import type { AwsAccount } from "../src/estate/model";

const base = (account: AwsAccount, resourceType: string, nativeId: string, resourceId: string, region: string, configuration: Record<string, unknown>): ResourceSnapshot => ({
  provider: "aws", nativeId, resourceId, resourceType, accountId: account.accountId, region, name: resourceId, tags: {},
  configuration, supplementaryConfiguration: {}, relationships: [], capturedAt: null,
});

export function factSnapshots(account: AwsAccount, regions: string[]): ResourceSnapshot[] {
  const f = account.facts;
  const out = [base(account, "Safeguard::AWS::Account", `arn:aws:iam::${account.accountId}:root`, account.accountId, "global", {
    accountId: account.accountId, passwordPolicy: f.passwordPolicy, accountSummary: f.accountSummary, credentialReport: f.credentialReport, regions, collectionErrors: [],
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
      trails, backupProtectedResourceArns: r?.backupProtectedResourceArns ?? [], collectionErrors: [],
    }));
  }
  return out;
}
