// Account-level facts AWS Config does not hold: password policy, account summary, credential report,
// EBS default encryption, Security Hub and recorder state per region, trail logging state.
import type { AccountFacts, ConfigItem, PasswordPolicy, RegionFacts } from "../model";
import type { AwsContext } from "./context";
import { isoDaysAgo } from "./context";
import { metricFactsFor, trailLogGroup, virtualMfaDevicesFor, type AccountFlavour } from "./monitoring-facts";

export const CREDENTIAL_REPORT_COLUMNS = [
  "user", "arn", "user_creation_time", "password_enabled", "password_last_used", "password_last_changed", "password_next_rotation", "mfa_active",
  "access_key_1_active", "access_key_1_last_rotated", "access_key_1_last_used_date", "access_key_1_last_used_region", "access_key_1_last_used_service",
  "access_key_2_active", "access_key_2_last_rotated", "access_key_2_last_used_date", "access_key_2_last_used_region", "access_key_2_last_used_service",
  "cert_1_active", "cert_1_last_rotated", "cert_2_active", "cert_2_last_rotated",
] as const;

const STRONG_POLICY: PasswordPolicy = {
  MinimumPasswordLength: 14, RequireSymbols: true, RequireNumbers: true, RequireUppercaseCharacters: true, RequireLowercaseCharacters: true,
  AllowUsersToChangePassword: true, ExpirePasswords: true, MaxPasswordAge: 90, PasswordReusePrevention: 24, HardExpiry: false,
};
const WEAK_POLICY: PasswordPolicy = {
  MinimumPasswordLength: 8, RequireSymbols: false, RequireNumbers: true, RequireUppercaseCharacters: false, RequireLowercaseCharacters: true,
  AllowUsersToChangePassword: true, ExpirePasswords: false, PasswordReusePrevention: 3, HardExpiry: false,
};

/** Account flavours walk good -> weak policy / root issues -> no policy, then follow the misconfigured share. */
function accountFlavour(ctx: AwsContext, index: number, share: number): AccountFlavour {
  if (share <= 0 || index === 0) return "good";
  if (index === 1) return "weak";
  if (index === 2) return "none";
  return ctx.rng.chance(share) ? ctx.rng.pick(["weak", "none"] as const) : "good";
}

function iso(ctx: AwsContext, min: number, max: number): string {
  return isoDaysAgo(ctx, min, max).replace(".000Z", "+00:00");
}

type UserKind = "ok" | "no-mfa" | "stale-key" | "unused";
const USER_FLAWS: UserKind[] = ["no-mfa", "stale-key", "unused"];

// allMfa: the clean account gives API-only users MFA too. The random draw still happens so the rng stream,
// and with it every other account's data, stays exactly as it was.
function userRow(ctx: AwsContext, name: string, created: string, kind: UserKind, allMfa = false): Record<string, string> {
  const console = kind === "no-mfa" || ctx.rng.chance(0.6);
  const hasKey = kind === "stale-key" || kind === "unused" || ctx.rng.chance(0.5);
  const row: Record<string, string> = {
    user: name, arn: `arn:aws:iam::${ctx.accountId}:user/${name}`, user_creation_time: created,
    password_enabled: String(console), password_last_used: console ? (kind === "unused" ? iso(ctx, 120, 300) : iso(ctx, 0, 20)) : "N/A",
    password_last_changed: console ? iso(ctx, 5, 80) : "N/A", password_next_rotation: console ? iso(ctx, -80, -5) : "N/A",
    mfa_active: String(kind === "no-mfa" ? false : console || ctx.rng.chance(0.5) || allMfa),
    access_key_1_active: String(hasKey), access_key_1_last_rotated: hasKey ? (kind === "stale-key" ? iso(ctx, 120, 700) : iso(ctx, 1, 45)) : "N/A",
    access_key_1_last_used_date: hasKey ? (kind === "unused" ? iso(ctx, 100, 300) : iso(ctx, 0, 5)) : "N/A",
    access_key_1_last_used_region: hasKey ? ctx.homeRegion : "N/A", access_key_1_last_used_service: hasKey ? "s3" : "N/A",
    access_key_2_active: "false", access_key_2_last_rotated: "N/A", access_key_2_last_used_date: "N/A", access_key_2_last_used_region: "N/A", access_key_2_last_used_service: "N/A",
    cert_1_active: "false", cert_1_last_rotated: "N/A", cert_2_active: "false", cert_2_last_rotated: "N/A",
  };
  return row;
}

export function buildAccountFacts(ctx: AwsContext, opts: { index: number; share: number; regions: string[]; recorderRegions: string[]; items: Iterable<ConfigItem> }): AccountFacts {
  const flavour = accountFlavour(ctx, opts.index, opts.share);
  const rootMfa = flavour === "good";
  const rootKeys = flavour !== "good";
  const users: { name: string; created: string }[] = [];
  const counts = { users: 0, roles: 0, groups: 0, policies: 0 };
  const trailGroups = new Map<string, string[]>();
  for (const item of opts.items) {
    const group = trailLogGroup(item);
    if (group) trailGroups.set(group.region, [...(trailGroups.get(group.region) ?? []), group.name]);
    if (item.resourceType === "AWS::IAM::User") {
      counts.users++;
      users.push({ name: item.resourceName ?? item.resourceId, created: (item.resourceCreationTime ?? item.configurationItemCaptureTime).replace(".000Z", "+00:00") });
    } else if (item.resourceType === "AWS::IAM::Role") counts.roles++;
    else if (item.resourceType === "AWS::IAM::Group") counts.groups++;
    else if (item.resourceType === "AWS::IAM::Policy") counts.policies++;
  }
  const rootRow: Record<string, string> = {
    ...userRow(ctx, "<root_account>", iso(ctx, 1500, 2500), "ok"),
    arn: `arn:aws:iam::${ctx.accountId}:root`, password_enabled: "not_supported", password_last_changed: "not_supported", password_next_rotation: "not_supported",
    password_last_used: iso(ctx, 30, 400), mfa_active: String(rootMfa), access_key_1_active: String(rootKeys),
  };
  if (!rootKeys) Object.assign(rootRow, { access_key_1_last_rotated: "N/A", access_key_1_last_used_date: "N/A", access_key_1_last_used_region: "N/A", access_key_1_last_used_service: "N/A" });
  // The first user is always clean; a few after it carry credential problems (share-driven).
  const kindOf = (i: number): UserKind => {
    if (flavour === "good" || i === 0) return "ok";
    if (i <= USER_FLAWS.length) return USER_FLAWS[i - 1] as UserKind;
    return ctx.rng.chance(opts.share) ? ctx.rng.pick(USER_FLAWS) : "ok";
  };
  // Account 0 is the clean account: every IAM user, console or API-only, has MFA (aws.iam.account.all-users-mfa PASS).
  const rows = users.map((u, i) => userRow(ctx, u.name, u.created, kindOf(i), opts.index === 0));
  const mfaDevices = rows.filter((r) => r.mfa_active === "true").length;

  const regions: Record<string, RegionFacts> = {};
  for (const region of opts.regions) {
    const recorded = opts.recorderRegions.includes(region);
    const home = region === ctx.homeRegion;
    regions[region] = {
      ebsEncryptionByDefault: home ? flavour === "good" : !ctx.rng.chance(opts.share),
      recorder: recorded
        ? { name: "default", roleARN: `arn:aws:iam::${ctx.accountId}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`, allSupported: true, includeGlobalResourceTypes: home, recording: home || !ctx.rng.chance(opts.share / 2), lastStatus: "SUCCESS", lastStartTime: isoDaysAgo(ctx, 100, 900) }
        : null,
      securityHub: (home ? flavour !== "none" : recorded && !ctx.rng.chance(opts.share))
        ? { hubArn: `arn:aws:securityhub:${region}:${ctx.accountId}:hub/default`, subscribedAt: isoDaysAgo(ctx, 100, 900) }
        : null,
      guardDutyDetectorIds: [],
      backupProtectedResourceArns: [],
      ...metricFactsFor(ctx.accountId, region, home, flavour, trailGroups.get(region) ?? []),
    };
  }

  return {
    passwordPolicy: flavour === "good" ? { ...STRONG_POLICY } : flavour === "weak" ? { ...WEAK_POLICY } : null,
    accountSummary: {
      GroupPolicySizeQuota: 5120, InstanceProfilesQuota: 1000, Policies: counts.policies, GroupsPerUserQuota: 10, InstanceProfiles: counts.roles,
      AttachedPoliciesPerUserQuota: 10, Users: counts.users, PoliciesQuota: 1500, Providers: 1, AccountMFAEnabled: rootMfa ? 1 : 0,
      AccessKeysPerUserQuota: 2, AssumeRolePolicySizeQuota: 2048, PolicyVersionsInUseQuota: 10000, GlobalEndpointTokenVersion: 1, VersionsPerPolicyQuota: 5,
      AttachedPoliciesPerGroupQuota: 10, PolicySizeQuota: 6144, Groups: counts.groups, AccountSigningCertificatesPresent: 0, UsersQuota: 5000,
      ServerCertificatesQuota: 20, MFADevices: mfaDevices, UserPolicySizeQuota: 2048, PolicyVersionsInUse: counts.policies * 2, ServerCertificates: 0,
      Roles: counts.roles, RolesQuota: 1000, SigningCertificatesPerUserQuota: 2, MFADevicesInUse: mfaDevices, RolePolicySizeQuota: 10240,
      AttachedPoliciesPerRoleQuota: 10, AccountAccessKeysPresent: rootKeys ? 1 : 0, GroupsQuota: 300,
    },
    credentialReport: [rootRow, ...rows],
    regions,
    trailStatus: {},
    credentialReportState: "NONE",
    credentialReportGeneratedAt: null,
    trailEventSelectors: {},
    // Root on a virtual device: some otherwise good accounts past the first few (hardware MFA elsewhere).
    virtualMfaDevices: virtualMfaDevicesFor(ctx.accountId, [rootRow, ...rows], rootMfa && opts.index >= 3 && opts.index % 3 === 0),
  };
}
