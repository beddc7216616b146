// Account-level facts AWS Config does not record, as the two synthetic resource types of the
// snapshot contract (docs/architecture.md): Safeguard::AWS::Account and Safeguard::AWS::Region.
// A fact that could not be read is null plus a collectionErrors entry, never "off".
import { BackupClient, paginateListProtectedResources } from "@aws-sdk/client-backup";
import { CloudTrailClient, DescribeTrailsCommand, GetTrailStatusCommand, type GetTrailStatusCommandOutput } from "@aws-sdk/client-cloudtrail";
import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { ConfigServiceClient, DescribeConfigurationRecordersCommand, DescribeConfigurationRecorderStatusCommand } from "@aws-sdk/client-config-service";
import { EC2Client, GetEbsEncryptionByDefaultCommand } from "@aws-sdk/client-ec2";
import { GuardDutyClient, ListDetectorsCommand } from "@aws-sdk/client-guardduty";
import { GenerateCredentialReportCommand, GetAccountPasswordPolicyCommand, GetAccountSummaryCommand, GetCredentialReportCommand, IAMClient, paginateListVirtualMFADevices } from "@aws-sdk/client-iam";
import { DescribeHubCommand, SecurityHubClient } from "@aws-sdk/client-securityhub";
import type { ResourceSnapshot } from "@safeguard/controls/snapshot";
import type { AwsCredentialIdentity } from "@smithy/types";
import { toCloudCallError, type CloudCallError } from "../errors";
import { clientConfig, type AwsConnection } from "./clients";
import { readAlarms, readMetricFilters } from "./cloudwatch-facts";
import { parseCsv } from "./csv";
import { pagesOf } from "./describe-item";

export interface CollectionError {
  api: string;
  code: string;
  message: string;
}

/** Runs one read; on failure records it and returns null (or what `onError` decides, e.g. NoSuchEntity -> null policy). */
async function read<T>(errors: CollectionError[], api: string, fn: () => Promise<T>, onError?: (e: CloudCallError) => { value: T } | undefined): Promise<T | null> {
  try {
    return await fn();
  } catch (error) {
    const e = toCloudCallError("aws", "account-facts", api, error);
    const handled = onError?.(e);
    if (handled) return handled.value;
    errors.push({ api, code: e.code, message: e.message });
    return null;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function accountSnapshot(conn: AwsConnection, creds: AwsCredentialIdentity, accountId: string, regions: string[], homeRegion: string): Promise<ResourceSnapshot> {
  const iam = new IAMClient(clientConfig(conn, homeRegion, creds));
  const errors: CollectionError[] = [];
  try {
    const passwordPolicy = await read(errors, "iam:GetAccountPasswordPolicy", async () => (await iam.send(new GetAccountPasswordPolicyCommand({}))).PasswordPolicy ?? null,
      (e) => (e.code === "NoSuchEntity" || e.code === "NoSuchEntityException" ? { value: null } : undefined));
    const accountSummary = await read(errors, "iam:GetAccountSummary", async () => (await iam.send(new GetAccountSummaryCommand({}))).SummaryMap ?? {});
    const credentialReport = await read(errors, "iam:GetCredentialReport", async () => {
      // The report is generated asynchronously: ask, wait briefly, ask again.
      for (let i = 0; i < 10; i++) {
        const g = await iam.send(new GenerateCredentialReportCommand({}));
        if (g.State === "COMPLETE") break;
        await sleep(Math.min(2000, 100 * 2 ** i));
      }
      const out = await iam.send(new GetCredentialReportCommand({}));
      return parseCsv(Buffer.from(out.Content ?? new Uint8Array()).toString("utf8"));
    });
    // Kept: serial, the user's ARN, enable date. The user's PasswordLastUsed would move the Account hash on every sign-in.
    const virtualMfaDevices = await read(errors, "iam:ListVirtualMFADevices", async () => {
      const out: Array<{ SerialNumber?: string; User?: { Arn?: string }; EnableDate?: string }> = [];
      for await (const page of pagesOf("iam:ListVirtualMFADevices", paginateListVirtualMFADevices({ client: iam, pageSize: 1000 }, { AssignmentStatus: "Any" }))) {
        for (const d of page.VirtualMFADevices ?? []) {
          out.push({ SerialNumber: d.SerialNumber, ...(d.User?.Arn ? { User: { Arn: d.User.Arn } } : {}), ...(d.EnableDate ? { EnableDate: d.EnableDate.toISOString() } : {}) });
        }
      }
      return out.sort((a, b) => String(a.SerialNumber).localeCompare(String(b.SerialNumber)));
    });
    return {
      provider: "aws",
      nativeId: `arn:aws:iam::${accountId}:root`,
      resourceId: accountId,
      resourceType: "Safeguard::AWS::Account",
      accountId,
      region: "global",
      name: accountId,
      tags: {},
      configuration: { accountId, passwordPolicy, accountSummary, credentialReport, virtualMfaDevices, regions, collectionErrors: errors },
      supplementaryConfiguration: {},
      relationships: [],
      capturedAt: null,
    };
  } finally {
    iam.destroy();
  }
}

export interface RegionFacts {
  snapshot: ResourceSnapshot;
  /** null when the recorder list could not be read */
  hasRecorder: boolean | null;
  recorderError: CloudCallError | null;
  errors: CollectionError[];
}

/**
 * One scan's trail statuses by trail ARN. DescribeTrails with shadow trails lists a multi-region trail in
 * every region, and its status is the trail's, not the region's: asked once per scan, not once per region
 * (17 regions x 180 trails was 3,000 GetTrailStatus calls, more than the whole Config inventory).
 */
export type TrailStatusCache = Map<string, Promise<GetTrailStatusCommandOutput>>;

export async function regionSnapshot(conn: AwsConnection, creds: AwsCredentialIdentity, accountId: string, region: string, trailStatuses: TrailStatusCache = new Map()): Promise<RegionFacts> {
  const cfg = clientConfig(conn, region, creds);
  const ec2 = new EC2Client(cfg);
  const gd = new GuardDutyClient(cfg);
  const sh = new SecurityHubClient(cfg);
  const config = new ConfigServiceClient(cfg);
  const ct = new CloudTrailClient(cfg);
  const backup = new BackupClient(cfg);
  const logs = new CloudWatchLogsClient(cfg);
  const cw = new CloudWatchClient(cfg);
  const errors: CollectionError[] = [];
  let recorderError: CloudCallError | null = null;
  try {
    const [ebs, detectors, hub, recorders, statuses, trails, backupArns, metricFilters, alarms] = await Promise.all([
      read(errors, "ec2:GetEbsEncryptionByDefault", async () => (await ec2.send(new GetEbsEncryptionByDefaultCommand({}))).EbsEncryptionByDefault ?? false),
      read(errors, "guardduty:ListDetectors", async () => (await gd.send(new ListDetectorsCommand({}))).DetectorIds ?? []),
      read(errors, "securityhub:DescribeHub", async () => {
        const out = await sh.send(new DescribeHubCommand({}));
        return { enabled: true, hubArn: out.HubArn } as { enabled: boolean; hubArn?: string };
      }, (e) => (e.code === "InvalidAccessException" || e.code === "ResourceNotFoundException" ? { value: { enabled: false } } : undefined)),
      read(errors, "config:DescribeConfigurationRecorders", async () => (await config.send(new DescribeConfigurationRecordersCommand({}))).ConfigurationRecorders ?? [], (e) => {
        recorderError = e;
        return undefined;
      }),
      // Only the stable fields: timestamps move on every call and would make the region look changed on every scan.
      read(errors, "config:DescribeConfigurationRecorderStatus", async () =>
        ((await config.send(new DescribeConfigurationRecorderStatusCommand({}))).ConfigurationRecordersStatus ?? []).map((st) => ({
          name: st.name, recording: st.recording ?? false, lastStatus: st.lastStatus ?? null, lastErrorCode: st.lastErrorCode ?? null,
        }))),
      read(errors, "cloudtrail:DescribeTrails", async () => {
        const list = (await ct.send(new DescribeTrailsCommand({ includeShadowTrails: true }))).trailList ?? [];
        return Promise.all(list.map(async (t) => {
          const name = t.TrailARN ?? t.Name;
          const key = t.TrailARN ?? `${region}/${t.Name}`;
          let pending = trailStatuses.get(key);
          if (!pending) trailStatuses.set(key, (pending = ct.send(new GetTrailStatusCommand({ Name: name }))));
          const status = await pending;
          return {
            name: t.Name, trailArn: t.TrailARN, homeRegion: t.HomeRegion, isMultiRegionTrail: t.IsMultiRegionTrail ?? false,
            isLogging: status.IsLogging ?? false, logFileValidationEnabled: t.LogFileValidationEnabled ?? false,
            kmsKeyId: t.KmsKeyId ?? null, s3BucketName: t.S3BucketName ?? null,
          };
        }));
      }),
      // Sorted: the page order is the service's, and the Region snapshot's hash must not move with it.
      read(errors, "backup:ListProtectedResources", async () => {
        const arns: string[] = [];
        for await (const page of paginateListProtectedResources({ client: backup, pageSize: 1000 }, {})) {
          for (const r of page.Results ?? []) if (r.ResourceArn) arns.push(r.ResourceArn);
        }
        return arns.sort();
      }),
      read(errors, "logs:DescribeMetricFilters", () => readMetricFilters(logs)),
      read(errors, "cloudwatch:DescribeAlarms", () => readAlarms(cw)),
    ]);
    return {
      snapshot: {
        provider: "aws",
        nativeId: `arn:aws:safeguard:${region}:${accountId}:region`,
        resourceId: region,
        resourceType: "Safeguard::AWS::Region",
        accountId,
        region,
        name: region,
        tags: {},
        configuration: {
          region, ebsEncryptionByDefault: ebs, guardDutyDetectorIds: detectors, securityHub: hub,
          configurationRecorders: recorders, configurationRecorderStatuses: statuses, trails,
          backupProtectedResourceArns: backupArns, metricFilters, alarms, collectionErrors: errors,
        },
        supplementaryConfiguration: {},
        relationships: [],
        capturedAt: null,
      },
      hasRecorder: recorders === null ? null : recorders.length > 0,
      recorderError,
      errors,
    };
  } finally {
    for (const c of [ec2, gd, sh, config, ct, backup, logs, cw]) c.destroy();
  }
}
