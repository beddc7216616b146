// What a resource generator gets: the account, the region it builds in, the shared network and keys
// already built there, and helpers for believable names, tags and times.
import type { Relationship, TrailEventSelectors } from "../model";
import type { Rng } from "../random";

export interface RegionNetwork {
  vpcId: string;
  cidr: string;
  publicSubnets: string[];
  privateSubnets: string[];
  subnetAz: Record<string, string>;
  securityGroups: string[];
}

export interface AwsContext {
  rng: Rng;
  accountId: string;
  alias: string;
  region: string;
  homeRegion: string;
  referenceMs: number;
  networks: Record<string, RegionNetwork[]>;
  kmsKeys: Record<string, string[]>;
  bucketNames: string[];
  instanceIds: Record<string, string[]>;
  iamUserNames: string[];
  /** Account-wide conditions, e.g. "trails-stopped" (someone ran StopLogging on every trail). */
  accountFlaws: Set<string>;
  /** CloudTrail logging state per trail ARN (GetTrailStatus; not part of the CI). */
  trailLogging: Record<string, boolean>;
  /** CloudTrail GetEventSelectors per trail ARN (not part of the CI either). */
  trailEventSelectors: Record<string, TrailEventSelectors>;
  /** names already used per type, so generated names stay unique in an account */
  used: Set<string>;
}

/** A generated resource before the account stamps common metadata on it. */
export interface Draft {
  /** Defaults to the spec's type; companions (a trail's bucket, an ALB's listeners) set their own. */
  resourceType?: string;
  resourceId: string;
  resourceName: string | null;
  arn: string;
  region?: string;
  availabilityZone?: string;
  createdAt?: string | null;
  configuration: Record<string, unknown>;
  supplementaryConfiguration?: Record<string, unknown>;
  tags?: Record<string, string>;
  relationships?: Relationship[];
}

export interface AwsTypeSpec {
  type: string;
  /** Misconfigurations this generator can produce, by name; an empty set means a compliant resource. */
  flaws: readonly string[];
  /** Relative share of the filler resources. */
  weight: number;
  /** IAM types are recorded once per account with region `global`. */
  global?: boolean;
  /** The first draft is the resource itself; any further ones are companions it needs (e.g. a trail's bucket). */
  build(ctx: AwsContext, flaws: ReadonlySet<string>): Draft | Draft[];
}

const TEAMS = ["platform", "clinical-apps", "data-eng", "billing", "patient-portal", "analytics", "security", "imaging", "claims", "telehealth"];
const SYSTEMS = ["ehr", "pacs", "labs", "claims", "portal", "scheduler", "rx", "billing", "fhir", "hl7", "dicom", "crm", "audit", "etl", "reports", "intake"];
const SUFFIXES = ["api", "db", "worker", "store", "archive", "ingest", "cache", "sync", "exports", "backups", "logs", "queue"];

export function uniqueName(ctx: AwsContext, kind: string, make: () => string): string {
  // A few tries for a clean name; past that (large estates exhaust the combinations) number it.
  for (let i = 0; i < 3; i++) {
    const candidate = make();
    if (!ctx.used.has(`${kind}:${candidate}`)) {
      ctx.used.add(`${kind}:${candidate}`);
      return candidate;
    }
  }
  let fallback = `${make()}-${ctx.rng.int(2, 9999)}`;
  while (ctx.used.has(`${kind}:${fallback}`)) fallback = `${make()}-${ctx.rng.hex(6)}`;
  ctx.used.add(`${kind}:${fallback}`);
  return fallback;
}

export function systemName(ctx: AwsContext): string {
  return `${ctx.rng.pick(SYSTEMS)}-${ctx.rng.pick(SUFFIXES)}`;
}

export function environmentOf(ctx: AwsContext): string {
  const r = ctx.rng.next();
  return r < 0.6 ? "prod" : r < 0.85 ? "staging" : "dev";
}

/**
 * Tags for a resource. Data stores carry a classification; `phi-in-dev` produces the PHI + dev
 * combination the catalog flags, `unclassified` drops the classification tag.
 */
export function tagsFor(ctx: AwsContext, name: string, flaws: ReadonlySet<string>, dataStore: boolean): Record<string, string> {
  const tags: Record<string, string> = { Name: name, Team: ctx.rng.pick(TEAMS) };
  let env = environmentOf(ctx);
  if (ctx.rng.chance(0.5)) tags.CostCenter = `cc-${ctx.rng.digits(4)}`;
  if (dataStore && !flaws.has("unclassified")) {
    const phi = flaws.has("phi-in-dev") || ctx.rng.chance(0.55);
    if (phi) {
      if (ctx.rng.chance(0.5)) tags.PHI = "true";
      else tags.DataClassification = "PHI";
      if (env === "dev" && !flaws.has("phi-in-dev")) env = "prod";
    } else {
      tags.DataClassification = ctx.rng.pick(["Internal", "Confidential", "Public"]);
    }
  }
  if (flaws.has("phi-in-dev")) env = "dev";
  tags.Environment = env;
  return tags;
}

export function isoDaysAgo(ctx: AwsContext, minDays: number, maxDays: number): string {
  const ms = ctx.referenceMs - (minDays + ctx.rng.next() * (maxDays - minDays)) * 86_400_000;
  return new Date(Math.floor(ms / 1000) * 1000).toISOString();
}

export function isoDaysAhead(ctx: AwsContext, minDays: number, maxDays: number): string {
  const ms = ctx.referenceMs + (minDays + ctx.rng.next() * (maxDays - minDays)) * 86_400_000;
  return new Date(Math.floor(ms / 1000) * 1000).toISOString();
}

export function azOf(ctx: AwsContext): string {
  return `${ctx.region}${ctx.rng.pick(["a", "b", "c"])}`;
}

export function kmsKeyArn(ctx: AwsContext): string {
  const keys = ctx.kmsKeys[ctx.region];
  if (keys && keys.length > 0) return ctx.rng.pick(keys);
  return `arn:aws:kms:${ctx.region}:${ctx.accountId}:key/${uuid(ctx)}`;
}

export function uuid(ctx: AwsContext): string {
  const h = ctx.rng.hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function network(ctx: AwsContext): RegionNetwork {
  const nets = ctx.networks[ctx.region];
  if (!nets || nets.length === 0) throw new Error(`no network built in ${ctx.region}`);
  return ctx.rng.pick(nets);
}

/** Policy documents in IAM CIs are URL-encoded JSON, as AWS Config records them. */
export function encodePolicy(doc: unknown): string {
  return encodeURIComponent(JSON.stringify(doc));
}
