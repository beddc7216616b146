// Drift: realistic changes to a running estate. Every change stamps the item's capture time (AWS
// configurationItemCaptureTime, Azure properties.changedTime) so collectors can ask only for what changed;
// Azure changes are also recorded in the subscription's Resource Graph change history (resourcechanges).
import { contextForAccount } from "./aws/account";
import { specFor } from "./aws/specs";
import { buildItems } from "./aws/stamp";
import { recordAzureChange } from "./azure/changes";
import { AZURE_SPECS, azureContextFor, stampAzure } from "./azure/subscription";
import type { AwsAccount, AzureResource, AzureSubscription, ConfigItem, Estate } from "./model";
import { createRng, type Rng } from "./random";

export type DriftOp =
  | { op: "make-bucket-public"; account?: string; bucket?: string }
  | { op: "disable-trail-log-validation"; account?: string; trail?: string }
  | { op: "open-ssh"; account?: string; groupId?: string }
  | { op: "delete"; nativeId: string }
  | { op: "add"; resourceType: string; account?: string; subscription?: string; misconfigured?: boolean }
  | { op: "random"; count?: number }
  /** Azure: applies the type's misconfiguration (the same ones `random` picks from) to one resource. */
  | { op: "azure-misconfigure"; nativeId: string };

export interface DriftChange {
  change: string;
  provider: "aws" | "azure";
  nativeId: string;
  resourceType: string;
  accountId: string;
  at: string;
}

export class DriftError extends Error {}

let driftCounter = 0;

function touchAws(item: ConfigItem, at: string): void {
  item.configurationItemCaptureTime = at;
  item.configurationStateId = Math.max(item.configurationStateId + 1, Date.parse(at));
}

function touchAzure(resource: AzureResource, at: string): void {
  resource.row.properties = { ...(resource.row.properties as Record<string, unknown>), changedTime: at };
}

function accountOf(estate: Estate, id?: string): AwsAccount {
  const account = id ? estate.aws.find((a) => a.accountId === id || a.alias === id) : estate.aws[0];
  if (!account) throw new DriftError(id ? `unknown AWS account ${id}` : "the estate has no AWS account");
  return account;
}

function liveItems(account: AwsAccount, type: string): ConfigItem[] {
  return [...account.items.all()].filter((i) => i.resourceType === type && i.configurationItemStatus !== "ResourceDeleted");
}

function awsChange(change: string, item: ConfigItem, at: string): DriftChange {
  return { change, provider: "aws", nativeId: item.arn, resourceType: item.resourceType, accountId: item.accountId, at };
}

function makeBucketPublic(item: ConfigItem, at: string): void {
  const s = item.supplementaryConfiguration;
  s.PublicAccessBlockConfiguration = { blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: false };
  const acl = JSON.parse(String(s.AccessControlList ?? '{"grantList":[]}')) as { grantList: unknown[] };
  acl.grantList.push({ grantee: "AllUsers", permission: "Read" });
  s.AccessControlList = JSON.stringify(acl);
  const policy = (s.BucketPolicy as { policyText: string | null } | undefined)?.policyText;
  const doc = policy ? (JSON.parse(policy) as { Statement: unknown[] }) : { Version: "2012-10-17", Statement: [] as unknown[] };
  doc.Statement.push({ Sid: "PublicRead", Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: `${item.arn}/*` });
  s.BucketPolicy = { policyText: JSON.stringify(doc) };
  touchAws(item, at);
}

function openSsh(item: ConfigItem, at: string): void {
  const perms = (item.configuration.ipPermissions as unknown[]) ?? [];
  perms.push({ fromPort: 22, ipProtocol: "tcp", ipv6Ranges: [], prefixListIds: [], toPort: 22, userIdGroupPairs: [], ipv4Ranges: [{ cidrIp: "0.0.0.0/0" }], ipRanges: ["0.0.0.0/0"] });
  item.configuration.ipPermissions = perms;
  touchAws(item, at);
}

const AWS_MUTATORS: Record<string, { change: string; apply: (item: ConfigItem, at: string) => void }> = {
  "AWS::S3::Bucket": { change: "make-bucket-public", apply: makeBucketPublic },
  "AWS::EC2::SecurityGroup": { change: "open-ssh", apply: openSsh },
  "AWS::CloudTrail::Trail": { change: "disable-trail-log-validation", apply: (i, at) => { i.configuration.logFileValidationEnabled = false; touchAws(i, at); } },
  "AWS::RDS::DBInstance": { change: "make-rds-public", apply: (i, at) => { i.configuration.publiclyAccessible = true; touchAws(i, at); } },
  "AWS::KMS::Key": { change: "disable-key-rotation", apply: (i, at) => { i.supplementaryConfiguration.KeyRotationStatus = false; touchAws(i, at); } },
  "AWS::EC2::Volume": { change: "retag-volume", apply: (i, at) => { i.tags = { ...i.tags, Environment: "dev", DataClassification: "PHI" }; touchAws(i, at); } },
};

const AZURE_MUTATORS: Record<string, { change: string; apply: (r: AzureResource) => void }> = {
  "microsoft.storage/storageaccounts": { change: "allow-blob-public-access", apply: (r) => { (r.row.properties as Record<string, unknown>).allowBlobPublicAccess = true; } },
  "microsoft.keyvault/vaults": { change: "switch-to-access-policies", apply: (r) => { (r.row.properties as Record<string, unknown>).enableRbacAuthorization = false; } },
  "microsoft.sql/servers": { change: "enable-public-network", apply: (r) => { (r.row.properties as Record<string, unknown>).publicNetworkAccess = "Enabled"; } },
  "microsoft.network/networksecuritygroups": {
    change: "open-ssh",
    apply: (r) => {
      const p = r.row.properties as { securityRules: unknown[] };
      p.securityRules = [...p.securityRules, { name: "allow-ssh-drift", properties: { protocol: "Tcp", sourcePortRange: "*", destinationPortRange: "22", sourceAddressPrefix: "*", destinationAddressPrefix: "*", access: "Allow", priority: 4000, direction: "Inbound" } }];
    },
  },
};

function misconfigureAzure(sub: AzureSubscription, r: AzureResource, at: string): DriftChange {
  const m = AZURE_MUTATORS[r.row.type] as (typeof AZURE_MUTATORS)[string];
  const before = structuredClone(r.row);
  m.apply(r);
  touchAzure(r, at);
  recordAzureChange(sub, r.row, "Update", at, before);
  return { change: m.change, provider: "azure", nativeId: r.row.id, resourceType: r.row.type, accountId: sub.subscriptionId, at };
}

function deleteResource(estate: Estate, nativeId: string, at: string): DriftChange {
  for (const account of estate.aws) {
    for (const item of account.items.all()) {
      if (item.arn === nativeId && item.configurationItemStatus !== "ResourceDeleted") {
        item.configurationItemStatus = "ResourceDeleted";
        item.resourceDeletionTime = at;
        touchAws(item, at);
        return awsChange("delete", item, at);
      }
    }
  }
  for (const sub of estate.azure) {
    const r = sub.byId.get(nativeId.toLowerCase());
    if (r && !r.deleted) {
      r.deleted = true;
      touchAzure(r, at);
      recordAzureChange(sub, r.row, "Delete", at);
      return { change: "delete", provider: "azure", nativeId: r.row.id, resourceType: r.row.type, accountId: sub.subscriptionId, at };
    }
  }
  throw new DriftError(`no live resource with id ${nativeId}`);
}

function addResource(estate: Estate, op: Extract<DriftOp, { op: "add" }>, at: string, rng: Rng): DriftChange {
  const azureSpec = AZURE_SPECS.find((s) => s.type === op.resourceType.toLowerCase());
  if (azureSpec) {
    const sub = op.subscription ? estate.azure.find((s) => s.subscriptionId === op.subscription) : estate.azure[0];
    if (!sub) throw new DriftError("no such Azure subscription");
    const ctx = azureContextFor(rng, sub, Date.parse(at));
    for (const r of sub.resources) ctx.used.add(r.row.name as string);
    const flaws = op.misconfigured && azureSpec.flaws.length > 0 ? new Set([rng.pick(azureSpec.flaws)]) : new Set<string>();
    const drafts = azureSpec.build(ctx, flaws);
    const added = (Array.isArray(drafts) ? drafts : [drafts]).map((d) => stampAzure(ctx, d, at));
    for (const r of added) {
      sub.resources.push(r);
      sub.byId.set(r.row.id.toLowerCase(), r);
      recordAzureChange(sub, r.row, "Create", at);
    }
    const first = added[0] as AzureResource;
    return { change: "add", provider: "azure", nativeId: first.row.id, resourceType: first.row.type, accountId: sub.subscriptionId, at };
  }
  const spec = specFor(op.resourceType);
  if (!spec) throw new DriftError(`cannot add resources of type ${op.resourceType}`);
  const account = accountOf(estate, op.account);
  const ctx = contextForAccount(rng, account, Date.parse(at));
  const flaws = op.misconfigured && spec.flaws.length > 0 ? new Set([rng.pick(spec.flaws)]) : new Set<string>();
  const items = buildItems(ctx, spec, flaws, at);
  for (const item of items) account.items.add(item);
  return awsChange("add", items[0] as ConfigItem, at);
}

/** Applies one drift operation; returns what changed. `now` is injectable for tests. */
export function applyDrift(estate: Estate, op: DriftOp, now = new Date()): DriftChange[] {
  const at = now.toISOString();
  const rng = createRng(`${estate.seed}/drift/${++driftCounter}`);
  switch (op.op) {
    case "make-bucket-public": {
      const account = accountOf(estate, op.account);
      const buckets = liveItems(account, "AWS::S3::Bucket");
      const item = op.bucket ? buckets.find((b) => b.resourceId === op.bucket) : buckets.find((b) => (b.supplementaryConfiguration.PublicAccessBlockConfiguration as { blockPublicAcls?: boolean })?.blockPublicAcls !== false);
      if (!item) throw new DriftError(op.bucket ? `no bucket ${op.bucket} in ${account.accountId}` : "no private bucket left to expose");
      makeBucketPublic(item, at);
      return [awsChange("make-bucket-public", item, at)];
    }
    case "disable-trail-log-validation": {
      const account = accountOf(estate, op.account);
      const item = liveItems(account, "AWS::CloudTrail::Trail").find((t) => (op.trail ? t.resourceId === op.trail || t.arn === op.trail : t.configuration.logFileValidationEnabled === true));
      if (!item) throw new DriftError("no trail with log validation enabled");
      AWS_MUTATORS["AWS::CloudTrail::Trail"]?.apply(item, at);
      return [awsChange("disable-trail-log-validation", item, at)];
    }
    case "open-ssh": {
      const account = accountOf(estate, op.account);
      const item = liveItems(account, "AWS::EC2::SecurityGroup").find((g) => (op.groupId ? g.resourceId === op.groupId : g.resourceName !== "default"));
      if (!item) throw new DriftError("no security group to open");
      openSsh(item, at);
      return [awsChange("open-ssh", item, at)];
    }
    case "delete":
      return [deleteResource(estate, op.nativeId, at)];
    case "add":
      return [addResource(estate, op, at, rng)];
    case "azure-misconfigure": {
      const sub = estate.azure.find((s) => s.byId.get(String(op.nativeId).toLowerCase())?.deleted === false);
      const r = sub?.byId.get(String(op.nativeId).toLowerCase());
      if (!sub || !r) throw new DriftError(`no live Azure resource with id ${op.nativeId}`);
      if (!AZURE_MUTATORS[r.row.type]) throw new DriftError(`no misconfiguration for ${r.row.type} (known: ${Object.keys(AZURE_MUTATORS).join(", ")})`);
      return [misconfigureAzure(sub, r, at)];
    }
    case "random": {
      const changes: DriftChange[] = [];
      const count = Math.max(1, Math.min(op.count ?? 3, 100));
      for (let i = 0; i < count * 5 && changes.length < count; i++) {
        if (estate.azure.length > 0 && rng.chance(0.3)) {
          const sub = rng.pick(estate.azure);
          const candidates = sub.resources.filter((r) => !r.deleted && AZURE_MUTATORS[r.row.type]);
          if (candidates.length === 0) continue;
          changes.push(misconfigureAzure(sub, rng.pick(candidates), at));
        } else if (estate.aws.length > 0) {
          const account = rng.pick(estate.aws);
          const type = rng.pick(Object.keys(AWS_MUTATORS));
          const candidates = liveItems(account, type);
          if (candidates.length === 0) continue;
          const item = rng.pick(candidates);
          const m = AWS_MUTATORS[type] as (typeof AWS_MUTATORS)[string];
          m.apply(item, at);
          changes.push(awsChange(m.change, item, at));
        }
      }
      return changes;
    }
    default:
      throw new DriftError(`unknown drift op ${(op as { op?: string }).op ?? "(none)"}`);
  }
}
