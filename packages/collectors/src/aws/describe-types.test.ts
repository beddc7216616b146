// The AWS facts AWS Config does not hold, read by the real SDK clients from the simulator's describe APIs:
// the describe-only types arrive as snapshots exactly like the estate holds them (the estate keeps them in
// the collector's shape, so the two cannot drift apart unnoticed), with the Region, Account and trail fields
// of docs/architecture.md; a failing describe API is recorded, not fatal, and keeps the region partial.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "@safeguard/cloud-sim/server";
import type { ResourceSnapshot } from "@safeguard/controls/snapshot";
import { awsConnection, awsTarget, coverageOf, drain, snapshotsOf, startTestSimulator } from "../../test/helpers";
import type { CollectEvent } from "../source";
import { collectAws, describeReaders } from "./collect-aws";

let sim: RunningSimulator;
let events: CollectEvent[];
beforeAll(async () => {
  sim = await startTestSimulator({ resourcesPerAccount: 600 });
  events = await drain(collectAws(awsConnection(sim), awsTarget(sim)));
});
afterAll(async () => {
  await sim?.stop();
});

const estate = () => sim.state.estate.aws[0]!;
const errorsOf = (evs: CollectEvent[]) => evs.flatMap((e) => (e.kind === "error" ? [e.error] : []));
const ofType = (snaps: ResourceSnapshot[], type: string) => snaps.filter((s) => s.resourceType === type);

describe("types AWS Config does not record", () => {
  it("arrive from their describe APIs exactly as the estate holds them", () => {
    const snaps = snapshotsOf(events);
    const target = awsTarget(sim);
    for (const reader of describeReaders()) {
      const expected = [...estate().items.all()].filter((i) => i.resourceType === reader.resourceType && target.regions.includes(i.awsRegion) && i.configurationItemStatus !== "ResourceDeleted");
      expect(expected.length, reader.resourceType).toBeGreaterThan(0);
      const got = new Map(ofType(snaps, reader.resourceType).map((s) => [s.nativeId, s]));
      expect([...got.keys()].sort(), reader.resourceType).toEqual(expected.map((i) => i.arn).sort());
      for (const item of expected) {
        const s = got.get(item.arn)!;
        expect({ resourceId: s.resourceId, region: s.region, name: s.name, tags: s.tags, configuration: s.configuration }, `${reader.resourceType} ${item.resourceId}`).toEqual({
          resourceId: item.resourceId, region: item.awsRegion, name: item.resourceName ?? item.resourceId, tags: item.tags, configuration: item.configuration,
        });
      }
    }
    expect(errorsOf(events)).toEqual([]);
    expect(coverageOf(events).filter((c) => c.status === "error")).toEqual([]);
  });

  it("carry what the checks read: public snapshots, master public IPs, force-TLS parameters", () => {
    const snaps = snapshotsOf(events);
    const perms = ofType(snaps, "AWS::EC2::Snapshot").map((s) => s.configuration?.createVolumePermissions);
    expect(perms.some((p) => JSON.stringify(p) === JSON.stringify([{ group: "all" }]))).toBe(true);
    expect(perms.every((p) => Array.isArray(p))).toBe(true);
    const masters = ofType(snaps, "AWS::EMR::Cluster").map((s) => s.configuration?.masterInstances as Array<{ PublicIpAddress?: string }>);
    expect(masters.some((m) => m.some((i) => i.PublicIpAddress))).toBe(true);
    expect(masters.some((m) => m.every((i) => !i.PublicIpAddress))).toBe(true);
    const params = ofType(snaps, "AWS::RDS::DBParameterGroup").flatMap((s) => s.configuration?.parameters as Array<{ parameterName: string }>);
    expect(params.some((p) => p.parameterName === "rds.force_ssl" || p.parameterName === "require_secure_transport")).toBe(true);
  });
});

describe("fields on the Region, Account and trail snapshots", () => {
  it("Region facts carry the region's metric filters and alarms", () => {
    for (const region of awsTarget(sim).regions) {
      const facts = snapshotsOf(events).find((s) => s.resourceType === "Safeguard::AWS::Region" && s.region === region)!;
      const expected = estate().facts.regions[region]!;
      expect(facts.configuration?.metricFilters, region).toEqual(expected.metricFilters);
      expect(facts.configuration?.alarms, region).toEqual(expected.alarms);
    }
    const home = snapshotsOf(events).find((s) => s.resourceType === "Safeguard::AWS::Region" && s.region === "us-east-1")!;
    expect((home.configuration?.metricFilters as unknown[]).length).toBeGreaterThan(0);
  });

  it("trails carry their event selectors, the Account its virtual MFA devices", () => {
    const trails = ofType(snapshotsOf(events), "AWS::CloudTrail::Trail");
    expect(trails.length).toBeGreaterThan(1);
    for (const t of trails) {
      const expected = estate().facts.trailEventSelectors[t.nativeId]!;
      expect({ basic: t.supplementaryConfiguration.EventSelectors, advanced: t.supplementaryConfiguration.AdvancedEventSelectors }, t.nativeId).toEqual({ basic: expected.EventSelectors, advanced: expected.AdvancedEventSelectors });
    }
    const account = snapshotsOf(events).find((s) => s.resourceType === "Safeguard::AWS::Account")!;
    expect(account.configuration?.virtualMfaDevices).toEqual(estate().facts.virtualMfaDevices);
    expect((account.configuration?.virtualMfaDevices as unknown[]).length).toBeGreaterThan(0);
  });
});

describe("failures", () => {
  it("a describe API that fails is an error event and a partial region, never fatal, and the rest is read", async () => {
    sim.setFaults({ api: "dax:DescribeClusters", errorRate: 1 });
    try {
      const evs = await drain(collectAws({ ...awsConnection(sim), maxAttempts: 2 }, awsTarget(sim)));
      const errors = errorsOf(evs).filter((e) => e.api === "dax:DescribeClusters");
      const regions = awsTarget(sim).regions.filter((r) => sim.state.estate.aws[0]!.facts.regions[r]?.recorder);
      expect(errors.map((e) => e.scope).sort()).toEqual([...awsTarget(sim).regions].sort());
      // Regions with a recorder are otherwise complete: reported partial so nothing in them is marked deleted.
      for (const region of regions) {
        const c = coverageOf(evs).find((x) => x.region === region)!;
        expect(c, region).toMatchObject({ status: "error", error: { code: "PartialCoverage", api: "dax:DescribeClusters" } });
      }
      expect(ofType(snapshotsOf(evs), "AWS::DAX::Cluster")).toEqual([]);
      expect(ofType(snapshotsOf(evs), "AWS::EMR::Cluster").length).toBeGreaterThan(0);
      expect(ofType(snapshotsOf(evs), "AWS::S3::Bucket").length).toBeGreaterThan(0);
      expect(coverageOf(evs).find((c) => c.region === "global")?.status).toBe("ok");
    } finally {
      sim.clearFaults();
    }
  });

  it("a single unreadable attribute leaves that field null with an error, the type complete", async () => {
    sim.setFaults({ api: "ec2:DescribeSnapshotAttribute", errorRate: 1 });
    sim.setFaults({ api: "elasticmapreduce:ListInstances", errorRate: 1 });
    sim.setFaults({ api: "cloudtrail:GetEventSelectors", errorRate: 1 });
    try {
      const evs = await drain(collectAws({ ...awsConnection(sim), maxAttempts: 1 }, awsTarget(sim)));
      const snaps = snapshotsOf(evs);
      expect(ofType(snaps, "AWS::EC2::Snapshot").map((s) => s.configuration?.createVolumePermissions)).toEqual(ofType(snaps, "AWS::EC2::Snapshot").map(() => null));
      expect(ofType(snaps, "AWS::EMR::Cluster").every((s) => s.configuration?.masterInstances === null)).toBe(true);
      expect(ofType(snaps, "AWS::CloudTrail::Trail").every((t) => t.supplementaryConfiguration.EventSelectors === null && t.supplementaryConfiguration.AdvancedEventSelectors === null)).toBe(true);
      const apis = new Set(errorsOf(evs).map((e) => e.api));
      expect([...apis].sort()).toEqual(["cloudtrail:GetEventSelectors", "ec2:DescribeSnapshotAttribute", "elasticmapreduce:ListInstances"]);
      expect(coverageOf(evs).filter((c) => c.status === "error")).toEqual([]);
    } finally {
      sim.clearFaults();
    }
  });

  it("unreadable Region and Account fields are null with a collection error", async () => {
    for (const api of ["logs:DescribeMetricFilters", "monitoring:DescribeAlarms", "iam:ListVirtualMFADevices"]) sim.setFaults({ api, errorRate: 1 });
    try {
      const evs = await drain(collectAws({ ...awsConnection(sim), maxAttempts: 1 }, awsTarget(sim)));
      const region = snapshotsOf(evs).find((s) => s.resourceType === "Safeguard::AWS::Region")!;
      expect(region.configuration).toMatchObject({ metricFilters: null, alarms: null });
      expect((region.configuration?.collectionErrors as Array<{ api: string }>).map((e) => e.api).sort()).toEqual(["cloudwatch:DescribeAlarms", "logs:DescribeMetricFilters"]);
      const account = snapshotsOf(evs).find((s) => s.resourceType === "Safeguard::AWS::Account")!;
      expect(account.configuration?.virtualMfaDevices).toBeNull();
      expect(errorsOf(evs).some((e) => e.scope === "global" && e.api === "iam:ListVirtualMFADevices")).toBe(true);
    } finally {
      sim.clearFaults();
    }
  });
});
