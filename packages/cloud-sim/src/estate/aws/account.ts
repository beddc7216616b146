// Builds one AWS account: per-region network skeleton, keys, the audit trail and its bucket, recorder and
// detector items, the Safeguard audit role, then filler resources up to the requested count.
import { AccountItems, type AwsAccount } from "../model";
import type { Rng } from "../random";
import type { AwsContext, AwsTypeSpec, Draft, RegionNetwork } from "./context";
import { uuid } from "./context";
import { buildAccountFacts } from "./facts";
import { roleDraft } from "./iam";
import { detectorDraft, recorderDraft, trailDrafts } from "./logging";
import { defaultSecurityGroupDraft, flowLogDraft, internetGatewayDraft, networkAclDraft, routeTableDraft, securityGroupDraft, subnetDraft, vpcDraft } from "./network";
import { AWS_SPECS } from "./specs";
import { buildItems, flawsFor, toConfigItem } from "./stamp";
import { accountPublicAccessBlockDraft, kmsKeyDraft } from "./storage";

/** Regions DescribeRegions lists for every account (the default, non-opt-in set). */
export const AWS_REGIONS = [
  "us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-north-1",
  "ap-south-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-southeast-1", "ap-southeast-2", "sa-east-1",
];
const ACTIVE_REGIONS = ["us-east-1", "us-west-2", "us-east-2"];
const ALIASES = ["ehr-prod", "patient-portal", "claims-platform", "imaging-archive", "analytics-lake", "telehealth", "labs-integration", "shared-services", "billing", "research"];

export interface AwsAccountOptions {
  index: number;
  accountId: string;
  resources: number;
  share: number;
  referenceMs: number;
  platformPrincipalArn: string;
  externalId: string;
}

export const AUDIT_ROLE_NAME = "SafeguardAudit";

const sgRule = (protocol: string, from: number, to: number, cidrs: string[], groups: string[] = []) => ({
  fromPort: from, ipProtocol: protocol, ipv6Ranges: [], prefixListIds: [], toPort: to,
  userIdGroupPairs: groups.map((groupId) => ({ groupId, userId: "" })), ipv4Ranges: cidrs.map((cidrIp) => ({ cidrIp })), ipRanges: cidrs,
});
const egressAll = { ipProtocol: "-1", ipv6Ranges: [], prefixListIds: [], userIdGroupPairs: [], ipv4Ranges: [{ cidrIp: "0.0.0.0/0" }], ipRanges: ["0.0.0.0/0"] };

export function buildAwsAccount(rng: Rng, opts: AwsAccountOptions): AwsAccount {
  const alias = `${ALIASES[opts.index % ALIASES.length]}${opts.index >= ALIASES.length ? `-${Math.floor(opts.index / ALIASES.length) + 1}` : ""}`;
  const ctx: AwsContext = {
    rng, accountId: opts.accountId, alias, region: "us-east-1", homeRegion: "us-east-1", referenceMs: opts.referenceMs,
    networks: {}, kmsKeys: {}, bucketNames: [], instanceIds: {}, iamUserNames: [], trailLogging: {}, trailEventSelectors: {}, accountFlaws: new Set(), used: new Set(),
  };
  const items = new AccountItems();
  const share = opts.share;
  const skeletonSpec: AwsTypeSpec = { type: "", flaws: [], weight: 0, build: () => [] };
  const put = (type: string, draft: Draft) => items.add(toConfigItem(ctx, { ...skeletonSpec, type }, draft));

  // Regions with resources; accounts past the first sometimes lack a recorder in one more region (share-driven).
  const recorderRegions = AWS_REGIONS.filter((r) => ACTIVE_REGIONS.includes(r) || !(share > 0 && (opts.index % 2 === 1 || rng.chance(share)) && r === "eu-west-1"));
  const active = ACTIVE_REGIONS.slice(0, opts.resources >= 200 ? 3 : 2);

  let vpcCount = 0;
  for (const region of active) {
    ctx.region = region;
    ctx.kmsKeys[region] = [];
    for (let k = 0; k < 2; k++) {
      const keyId = uuid(ctx);
      put("AWS::KMS::Key", kmsKeyDraft(ctx, new Set(), keyId, k === 0 ? "data" : "logs"));
      ctx.kmsKeys[region]?.push(`arn:aws:kms:${region}:${ctx.accountId}:key/${keyId}`);
    }
    put("AWS::KMS::Key", kmsKeyDraft(ctx, new Set(), uuid(ctx), "S3", true));
    ctx.networks[region] = [];
    const vpcs = region === ctx.homeRegion ? 2 : 1;
    for (let v = 0; v < vpcs; v++, vpcCount++) {
      const vpcId = `vpc-${rng.hex(17)}`;
      const second = 10 + (vpcCount % 200);
      const cidr = `10.${second}.0.0/16`;
      put("AWS::EC2::VPC", vpcDraft(ctx, vpcId, cidr, v === 0 ? `${alias}-main` : `${alias}-data`));
      const net: RegionNetwork = { vpcId, cidr, publicSubnets: [], privateSubnets: [], subnetAz: {}, securityGroups: [] };
      ["a", "b"].forEach((zone, z) => {
        for (const isPublic of [true, false]) {
          const subnetId = `subnet-${rng.hex(17)}`;
          const az = `${region}${zone}`;
          const autoIp = isPublic && share > 0 && (vpcCount === 1 || rng.chance(share));
          // The flawed VPC also has a PHI-tagged subnet routed to the internet gateway.
          const phi = !isPublic || (share > 0 && vpcCount === 1 && z === 0);
          put("AWS::EC2::Subnet", subnetDraft(ctx, vpcId, subnetId, `10.${second}.${isPublic ? z : 10 + z}.0/24`, az, isPublic, autoIp, phi));
          (isPublic ? net.publicSubnets : net.privateSubnets).push(subnetId);
          net.subnetAz[subnetId] = az;
        }
      });
      const igwId = `igw-${rng.hex(17)}`;
      put("AWS::EC2::InternetGateway", internetGatewayDraft(ctx, vpcId, igwId));
      put("AWS::EC2::RouteTable", routeTableDraft(ctx, vpcId, cidr, net.publicSubnets, igwId));
      put("AWS::EC2::RouteTable", routeTableDraft(ctx, vpcId, cidr, net.privateSubnets, null));
      // AWS's default NACL allows everything in; it stays that way in most real accounts.
      put("AWS::EC2::NetworkAcl", networkAclDraft(ctx, vpcId, [...net.publicSubnets, ...net.privateSubnets], true, true));
      put("AWS::EC2::SecurityGroup", defaultSecurityGroupDraft(ctx, vpcId, `sg-${rng.hex(17)}`, share > 0 && (vpcCount === 1 || rng.chance(share))));
      const web = `sg-${rng.hex(17)}`, app = `sg-${rng.hex(17)}`, db = `sg-${rng.hex(17)}`;
      put("AWS::EC2::SecurityGroup", securityGroupDraft(ctx, vpcId, web, `${alias}-web`, "HTTPS from the internet", [sgRule("tcp", 443, 443, ["0.0.0.0/0"])], [egressAll]));
      put("AWS::EC2::SecurityGroup", securityGroupDraft(ctx, vpcId, app, `${alias}-app`, "app tier", [sgRule("tcp", 8080, 8080, [], [web])], [egressAll]));
      put("AWS::EC2::SecurityGroup", securityGroupDraft(ctx, vpcId, db, `${alias}-db`, "database tier", [sgRule("tcp", 5432, 5432, [], [app])], [egressAll]));
      net.securityGroups.push(app, db, web);
      if (!(share > 0 && (vpcCount === 1 || rng.chance(share / 2)))) put("AWS::EC2::FlowLog", flowLogDraft(ctx, vpcId, true));
      ctx.networks[region]?.push(net);
    }
  }

  const detectors: Record<string, string> = {};
  for (const region of recorderRegions) {
    ctx.region = region;
    if (!active.includes(region)) continue;
    const home = region === ctx.homeRegion;
    put("AWS::Config::ConfigurationRecorder", recorderDraft(ctx, "default", true, home, true));
    // Odd accounts never turned GuardDuty on in us-east-2.
    if (share > 0 && opts.index % 2 === 1 && region === "us-east-2") continue;
    const detectorId = rng.hex(32);
    const detectorOn = !(share > 0 && (region === "us-west-2" && opts.index % 2 === 1 || rng.chance(share / 2)));
    put("AWS::GuardDuty::Detector", detectorDraft(ctx, detectorId, detectorOn));
    detectors[region] = detectorId;
  }

  ctx.region = ctx.homeRegion;
  put("AWS::S3::AccountPublicAccessBlock", accountPublicAccessBlockDraft(ctx, !(share > 0 && (opts.index === 1 || rng.chance(share)))));
  // In odd accounts someone stopped logging on every trail, and no trail logs S3 data events.
  if (share > 0 && opts.index % 2 === 1) {
    ctx.accountFlaws.add("trails-stopped");
    ctx.accountFlaws.add("no-s3-data-events");
  }
  for (const draft of trailDrafts(ctx, new Set(), "organization-audit")) items.add(toConfigItem(ctx, { ...skeletonSpec, type: "AWS::CloudTrail::Trail" }, draft));
  const trust = {
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { AWS: opts.platformPrincipalArn }, Action: "sts:AssumeRole", Condition: { StringEquals: { "sts:ExternalId": opts.externalId } } }],
  };
  put("AWS::IAM::Role", { ...roleDraft(ctx, AUDIT_ROLE_NAME, trust, new Set(), ["arn:aws:iam::aws:policy/SecurityAudit", "arn:aws:iam::aws:policy/AWSConfigUserAccess"]), region: "global" });

  // Filler: first a coverage round (every variant of every type), then weighted random picks.
  const seen = new Map<string, number>();
  const totalWeight = AWS_SPECS.reduce((sum, s) => sum + s.weight, 0);
  const addOne = (spec: AwsTypeSpec) => {
    ctx.region = rng.chance(0.6) ? ctx.homeRegion : rng.pick(active);
    const n = seen.get(spec.type) ?? 0;
    seen.set(spec.type, n + 1);
    for (const item of buildItems(ctx, spec, flawsFor(rng, spec.flaws, n, share))) items.add(item);
  };
  for (const spec of AWS_SPECS) {
    for (let i = 0; i <= spec.flaws.length && items.size < opts.resources; i++) addOne(spec);
  }
  while (items.size < opts.resources) {
    let r = rng.next() * totalWeight;
    const spec = AWS_SPECS.find((s) => (r -= s.weight) < 0) ?? (AWS_SPECS[0] as AwsTypeSpec);
    addOne(spec);
  }

  const facts = buildAccountFacts(ctx, { index: opts.index, share, regions: AWS_REGIONS, recorderRegions, items: items.all() });
  for (const [region, regionFacts] of Object.entries(facts.regions)) {
    const skipped = share > 0 && opts.index % 2 === 1 && region === "us-east-2";
    const id = detectors[region] ?? (!skipped && rng.chance(share > 0 ? 0.7 : 1) ? rng.hex(32) : undefined);
    regionFacts.guardDutyDetectorIds = id ? [id] : [];
  }
  // AWS Backup coverage: most data stores and instances are in a plan; the second of each type is not.
  const backupTypes = new Set(["AWS::RDS::DBInstance", "AWS::RDS::DBCluster", "AWS::EC2::Volume", "AWS::EC2::Instance", "AWS::DynamoDB::Table", "AWS::EFS::FileSystem"]);
  const backupSeen = new Map<string, number>();
  for (const item of items.all()) {
    if (!backupTypes.has(item.resourceType)) continue;
    const n = backupSeen.get(item.resourceType) ?? 0;
    backupSeen.set(item.resourceType, n + 1);
    const covered = share <= 0 || (n !== 1 && !rng.chance(share / 2));
    if (covered) facts.regions[item.awsRegion]?.backupProtectedResourceArns.push(item.arn);
  }
  for (const [arn, logging] of Object.entries(ctx.trailLogging)) {
    facts.trailStatus[arn] = { isLogging: logging, startLoggingTime: new Date(opts.referenceMs - 400 * 86_400_000).toISOString(), latestDeliveryTime: new Date(opts.referenceMs - rng.int(60, 3600) * 1000).toISOString() };
  }
  Object.assign(facts.trailEventSelectors, ctx.trailEventSelectors);
  return {
    accountId: opts.accountId, alias, roleName: AUDIT_ROLE_NAME, roleArn: `arn:aws:iam::${opts.accountId}:role/${AUDIT_ROLE_NAME}`,
    externalId: opts.externalId, homeRegion: ctx.homeRegion, regions: AWS_REGIONS, scanRegions: [...active, "eu-west-1"], items, facts,
  };
}

/** A generator context for adding resources to an existing account later (drift "add"). */
export function contextForAccount(rng: Rng, account: AwsAccount, referenceMs: number): AwsContext {
  const ctx: AwsContext = {
    rng, accountId: account.accountId, alias: account.alias, region: account.homeRegion, homeRegion: account.homeRegion, referenceMs,
    networks: {}, kmsKeys: {}, bucketNames: [], instanceIds: {}, iamUserNames: [], trailLogging: {}, trailEventSelectors: {}, accountFlaws: new Set(), used: new Set(),
  };
  for (const item of account.items.all()) {
    const r = item.awsRegion;
    if (item.resourceType === "AWS::EC2::VPC") {
      ctx.networks[r] ??= [];
      ctx.networks[r]?.push({ vpcId: item.resourceId, cidr: String(item.configuration.cidrBlock), publicSubnets: [], privateSubnets: [], subnetAz: {}, securityGroups: [] });
    }
  }
  for (const item of account.items.all()) {
    const net = ctx.networks[item.awsRegion]?.find((n) => n.vpcId === item.configuration.vpcId);
    if (item.resourceType === "AWS::EC2::Subnet" && net) {
      (item.resourceName?.startsWith("public") ? net.publicSubnets : net.privateSubnets).push(item.resourceId);
      net.subnetAz[item.resourceId] = item.availabilityZone;
    } else if (item.resourceType === "AWS::EC2::SecurityGroup" && net && item.resourceName !== "default") net.securityGroups.push(item.resourceId);
    else if (item.resourceType === "AWS::KMS::Key" && item.configuration.keyManager === "CUSTOMER") (ctx.kmsKeys[item.awsRegion] ??= []).push(item.arn);
    else if (item.resourceType === "AWS::EC2::Instance") (ctx.instanceIds[item.awsRegion] ??= []).push(item.resourceId);
    else if (item.resourceType === "AWS::S3::Bucket") ctx.used.add(`bucket:${item.resourceId}`);
  }
  return ctx;
}
