import { CloudTrailClient, DescribeTrailsCommand, GetTrailStatusCommand } from "@aws-sdk/client-cloudtrail";
import { DescribeRegionsCommand, EC2Client, GetEbsEncryptionByDefaultCommand } from "@aws-sdk/client-ec2";
import { GuardDutyClient, ListDetectorsCommand } from "@aws-sdk/client-guardduty";
import { GenerateCredentialReportCommand, GetAccountPasswordPolicyCommand, GetAccountSummaryCommand, GetCredentialReportCommand, IAMClient } from "@aws-sdk/client-iam";
import { DescribeHubCommand, SecurityHubClient } from "@aws-sdk/client-securityhub";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupListProtectedResources } from "../src/aws/account-services";
import { CREDENTIAL_REPORT_COLUMNS } from "../src/estate/aws/facts";
import type { RunningSimulator } from "../src/server";
import { assumedClientConfig, platformClientConfig, startTestSimulator } from "./helpers";

let sim: RunningSimulator;
beforeAll(async () => { sim = await startTestSimulator({ awsAccounts: 3 }); });
afterAll(async () => { await sim.stop(); });

describe("IAM account-level reads", () => {
  it("returns the password policy, or NoSuchEntity when the account has none", async () => {
    const good = new IAMClient(await assumedClientConfig(sim, 0));
    expect((await good.send(new GetAccountPasswordPolicyCommand({}))).PasswordPolicy).toMatchObject({ MinimumPasswordLength: 14, PasswordReusePrevention: 24 });
    const none = new IAMClient(await assumedClientConfig(sim, 2));
    await expect(none.send(new GetAccountPasswordPolicyCommand({}))).rejects.toMatchObject({
      name: "NoSuchEntityException", message: `The Password Policy with domain name ${sim.estate.aws[2]?.accountId} cannot be found.`, $metadata: { httpStatusCode: 404 },
    });
  });

  it("serves the account summary map and a credential report with AWS's exact columns", async () => {
    const iam = new IAMClient(await assumedClientConfig(sim, 1));
    const summary = (await iam.send(new GetAccountSummaryCommand({}))).SummaryMap;
    expect(summary).toMatchObject({ AccountMFAEnabled: 0, AccountAccessKeysPresent: 1 });
    await expect(iam.send(new GetCredentialReportCommand({}))).rejects.toMatchObject({ name: "CredentialReportNotPresentException" });
    expect((await iam.send(new GenerateCredentialReportCommand({}))).State).toBe("STARTED");
    expect((await iam.send(new GenerateCredentialReportCommand({}))).State).toBe("COMPLETE");
    const report = await iam.send(new GetCredentialReportCommand({}));
    const csv = Buffer.from(report.Content ?? new Uint8Array()).toString("utf8").split("\n");
    expect(csv[0]).toBe(CREDENTIAL_REPORT_COLUMNS.join(","));
    expect(csv[1]?.startsWith("<root_account>,")).toBe(true);
    expect(report.ReportFormat).toBe("text/csv");
  });
});

describe("EC2, GuardDuty, Security Hub, CloudTrail and Backup reads", () => {
  it("lists regions and EBS default encryption per region", async () => {
    const ec2 = new EC2Client(await assumedClientConfig(sim, 0));
    const regions = (await ec2.send(new DescribeRegionsCommand({}))).Regions?.map((r) => r.RegionName);
    expect(regions).toContain("eu-west-1");
    expect(regions).toHaveLength(17);
    expect((await ec2.send(new GetEbsEncryptionByDefaultCommand({}))).EbsEncryptionByDefault).toBe(true);
    const weak = new EC2Client(await assumedClientConfig(sim, 1));
    expect((await weak.send(new GetEbsEncryptionByDefaultCommand({}))).EbsEncryptionByDefault).toBe(false);
  });

  it("lists GuardDuty detectors and describes Security Hub, or says it is not subscribed", async () => {
    const gd = new GuardDutyClient(await assumedClientConfig(sim, 0));
    expect((await gd.send(new ListDetectorsCommand({}))).DetectorIds).toHaveLength(1);
    const missing = new GuardDutyClient(await assumedClientConfig(sim, 1, "us-east-2"));
    expect((await missing.send(new ListDetectorsCommand({}))).DetectorIds).toEqual([]);
    const hub = new SecurityHubClient(await assumedClientConfig(sim, 0));
    expect((await hub.send(new DescribeHubCommand({}))).HubArn).toBe(`arn:aws:securityhub:us-east-1:${sim.estate.aws[0]?.accountId}:hub/default`);
    const off = new SecurityHubClient(await assumedClientConfig(sim, 2));
    await expect(off.send(new DescribeHubCommand({}))).rejects.toMatchObject({ name: "InvalidAccessException", $metadata: { httpStatusCode: 401 } });
  });

  it("describes trails and their status, and reflects drift on log validation", async () => {
    const ct = new CloudTrailClient(await assumedClientConfig(sim, 0));
    const trails = (await ct.send(new DescribeTrailsCommand({ includeShadowTrails: true }))).trailList ?? [];
    const org = trails.find((t) => t.Name === "organization-audit");
    expect(org).toMatchObject({ IsMultiRegionTrail: true, LogFileValidationEnabled: true, HomeRegion: "us-east-1" });
    expect((await ct.send(new GetTrailStatusCommand({ Name: org?.TrailARN }))).IsLogging).toBe(true);
    sim.drift({ op: "disable-trail-log-validation", account: sim.estate.aws[0]?.accountId, trail: "organization-audit" });
    const after = (await ct.send(new DescribeTrailsCommand({ trailNameList: ["organization-audit"] }))).trailList?.[0];
    expect(after?.LogFileValidationEnabled).toBe(false);
    await expect(ct.send(new GetTrailStatusCommand({ Name: "no-such-trail" }))).rejects.toMatchObject({ name: "TrailNotFoundException" });
  });

  it("lists resources AWS Backup protects, paged (no Backup SDK client in this repo yet, so at handler level)", () => {
    const account = sim.state.estate.aws[0];
    if (!account) throw new Error("no account");
    const first = backupListProtectedResources(account, "us-east-1", new URLSearchParams("maxResults=5")) as { Results: { ResourceArn: string }[]; NextToken?: string };
    expect(first.Results).toHaveLength(5);
    expect(first.Results[0]?.ResourceArn).toMatch(/^arn:aws:/);
    const second = backupListProtectedResources(account, "us-east-1", new URLSearchParams(`maxResults=5&nextToken=${first.NextToken}`)) as { Results: { ResourceArn: string }[] };
    expect(second.Results[0]?.ResourceArn).not.toBe(first.Results[0]?.ResourceArn);
  });

  it("answers the EC2 query protocol's auth and permission errors", async () => {
    const platform = new EC2Client(platformClientConfig(sim));
    await expect(platform.send(new DescribeRegionsCommand({}))).rejects.toMatchObject({ name: "UnauthorizedOperation", $metadata: { httpStatusCode: 403 } });
    const bad = new EC2Client({ ...platformClientConfig(sim), credentials: { accessKeyId: "AKIAUNKNOWNUNKNOWN00", secretAccessKey: "x" } });
    await expect(bad.send(new DescribeRegionsCommand({}))).rejects.toMatchObject({ name: "AuthFailure" });
  });
});
