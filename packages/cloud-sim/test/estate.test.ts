import { describe, expect, it } from "vitest";
import { AWS_SPECS } from "../src/estate/aws/specs";
import { AZURE_SPECS } from "../src/estate/azure/subscription";
import { generateEstate } from "../src/estate/generate";
import { REFERENCE_TIME } from "./helpers";

const options = { seed: 42, awsAccounts: 2, azureSubscriptions: 1, resourcesPerAccount: 600, misconfiguredShare: 0.3, referenceTime: REFERENCE_TIME };
const fingerprint = (e: ReturnType<typeof generateEstate>) =>
  JSON.stringify({ aws: e.aws.map((a) => [a.accountId, a.externalId, [...a.items.all()], a.facts]), azure: e.azure.map((s) => s.resources), tenant: e.azureTenant });

describe("estate generator", () => {
  it("is a pure function of its options", () => {
    expect(fingerprint(generateEstate(options))).toBe(fingerprint(generateEstate(options)));
    expect(fingerprint(generateEstate({ ...options, seed: 43 }))).not.toBe(fingerprint(generateEstate(options)));
  });

  it("produces the requested counts and every generator's type", () => {
    const e = generateEstate(options);
    for (const a of e.aws) {
      // A resource's companions (a trail's bucket, an ALB's listeners) may overshoot the count by a few.
      expect(a.items.size).toBeGreaterThanOrEqual(600);
      expect(a.items.size).toBeLessThan(604);
      const types = new Set([...a.items.all()].map((i) => i.resourceType));
      for (const spec of AWS_SPECS) expect(types, spec.type).toContain(spec.type);
    }
    const azureTypes = new Set(e.azure[0]?.resources.map((r) => r.row.type));
    for (const spec of AZURE_SPECS) expect(azureTypes, spec.type).toContain(spec.type);
  });

  it("honours a zero misconfiguration share: no flawed variants", () => {
    const clean = generateEstate({ ...options, misconfiguredShare: 0 });
    const buckets = [...(clean.aws[0]?.items.all() ?? [])].filter((i) => i.resourceType === "AWS::S3::Bucket");
    expect(buckets.every((b) => (b.supplementaryConfiguration.PublicAccessBlockConfiguration as { blockPublicAcls: boolean }).blockPublicAcls)).toBe(true);
    expect(clean.aws.every((a) => a.facts.passwordPolicy?.MinimumPasswordLength === 14)).toBe(true);
  });

  it("tags some data stores PHI and some of those dev, with relationships between network pieces", () => {
    const items = [...(generateEstate(options).aws[0]?.items.all() ?? [])];
    const phi = items.filter((i) => i.tags.PHI === "true" || i.tags.DataClassification === "PHI");
    expect(phi.length).toBeGreaterThan(10);
    expect(phi.some((i) => i.tags.Environment === "dev")).toBe(true);
    const instance = items.find((i) => i.resourceType === "AWS::EC2::Instance");
    const subnet = instance?.relationships.find((r) => r.resourceType === "AWS::EC2::Subnet")?.resourceId;
    expect(items.some((i) => i.resourceType === "AWS::EC2::Subnet" && i.resourceId === subnet)).toBe(true);
    const trail = items.find((i) => i.resourceType === "AWS::CloudTrail::Trail");
    expect(items.some((i) => i.resourceType === "AWS::S3::Bucket" && i.resourceId === trail?.configuration.s3BucketName)).toBe(true);
    expect(items.some((i) => i.resourceType === "AWS::EC2::RouteTable" && (i.configuration.routes as { gatewayId: string }[]).some((r) => r.gatewayId.startsWith("igw-")))).toBe(true);
  });
});
