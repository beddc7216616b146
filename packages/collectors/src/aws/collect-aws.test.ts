import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "@safeguard/cloud-sim/server";
import { awsConnection, awsTarget, coverageOf, drain, snapshotsOf, startTestSimulator } from "../../test/helpers";
import { CloudCallError } from "../errors";
import { collectAws, describeReaders, inventoryTypes } from "./collect-aws";

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(async () => {
  await sim?.stop();
});

describe("AWS collector against the simulator", () => {
  it("assumes the role and streams every Config item plus the account and region facts", async () => {
    const target = awsTarget(sim);
    const events = await drain(collectAws(awsConnection(sim), target));
    const snaps = snapshotsOf(events);
    const live = [...sim.state.estate.aws[0]!.items.all()].filter((i) => i.configurationItemStatus !== "ResourceDeleted");
    const nativeIds = new Set(snaps.map((s) => s.nativeId));
    // every recorded item of a type the catalog reads, in a region with a recorder, is read
    const types = new Set([...inventoryTypes().regional, ...inventoryTypes().global]);
    const recorded = live.filter((i) => types.has(i.resourceType) && (i.awsRegion === "global" || sim.state.estate.aws[0]!.facts.regions[i.awsRegion]?.recorder));
    expect(recorded.length).toBeGreaterThan(100);
    const missing = recorded.filter((i) => !nativeIds.has(i.arn));
    expect(missing.map((i) => i.resourceType)).toEqual([]);
    expect(snaps.filter((s) => s.resourceType === "Safeguard::AWS::Account")).toHaveLength(1);
    expect(snaps.filter((s) => s.resourceType === "Safeguard::AWS::Region")).toHaveLength(target.regions.length);
    const account = snaps.find((s) => s.resourceType === "Safeguard::AWS::Account")!;
    expect(Array.isArray((account.configuration as { credentialReport: unknown }).credentialReport)).toBe(true);
    // AWS Backup coverage per region, exactly as the account's facts hold it (paged, sorted).
    for (const region of target.regions) {
      const facts = snaps.find((s) => s.resourceType === "Safeguard::AWS::Region" && s.region === region)!;
      const expected = [...(sim.state.estate.aws[0]!.facts.regions[region]?.backupProtectedResourceArns ?? [])].sort();
      expect((facts.configuration as { backupProtectedResourceArns: unknown }).backupProtectedResourceArns).toEqual(expected);
    }
    expect(snaps.some((s) => ((s.configuration as { backupProtectedResourceArns?: string[] }).backupProtectedResourceArns ?? []).length > 0)).toBe(true);
    const cov = coverageOf(events);
    for (const region of target.regions) {
      const c = cov.find((x) => x.region === region)!;
      expect(c.status).toBe(sim.state.estate.aws[0]!.facts.regions[region]?.recorder ? "ok" : "no-recorder");
    }
  });

  it("asks each trail's status once per scan, though every region lists its multi-region trails", async () => {
    sim.resetCallCounts();
    const target = awsTarget(sim);
    const regions = snapshotsOf(await drain(collectAws(awsConnection(sim), target))).filter((s) => s.resourceType === "Safeguard::AWS::Region");
    const listed = regions.flatMap((r) => (r.configuration as { trails: Array<{ trailArn: string; isLogging: boolean }> }).trails);
    const distinct = new Map(listed.map((t) => [t.trailArn, t.isLogging]));
    expect(listed.length).toBeGreaterThan(distinct.size);
    expect(sim.callCounts()["cloudtrail:GetTrailStatus"]).toBe(distinct.size);
    // Every listing of one trail carries the same status.
    for (const t of listed) expect(t.isLogging).toBe(distinct.get(t.trailArn));
    expect([...distinct.values()]).toContain(false);
  });

  it("reads only items captured since the watermark in an incremental pass, plus every id", async () => {
    const target = awsTarget(sim);
    const since = new Date(Date.now() - 1000);
    const changes = sim.drift({ op: "make-bucket-public" });
    const events = await drain(collectAws(awsConnection(sim), target, { changedSince: since }));
    // Trails (event selectors are not in their CI) and the describe-API types are read in full every time.
    const alwaysFull = new Set(["AWS::CloudTrail::Trail", ...describeReaders().map((r) => r.resourceType)]);
    const real = snapshotsOf(events).filter((s) => !s.resourceType.startsWith("Safeguard::") && !alwaysFull.has(s.resourceType));
    expect(real.map((s) => s.nativeId)).toEqual(changes.map((c) => c.nativeId));
    const ids = events.flatMap((e) => (e.kind === "ids" ? e.ids : []));
    expect(ids.length).toBeGreaterThan(100);
    expect(ids.filter((id) => snapshotsOf(events).some((s) => s.nativeId === id && alwaysFull.has(s.resourceType)))).toEqual([]);
  });

  it("given the stored inventory, lists ids only of the types whose counts show a deletion", async () => {
    const target = awsTarget(sim);
    const full = snapshotsOf(await drain(collectAws(awsConnection(sim), target)));
    const stored = new Map(full.map((s) => [s.nativeId, s]));
    const inventory = {
      count: (region: string, type: string) => full.filter((s) => s.region === region && s.resourceType === type).length,
      holds: (nativeId: string) => stored.has(nativeId),
    };
    const since = new Date(Date.now() - 1000);
    const gone = full.find((s) => s.resourceType === "AWS::EC2::SecurityGroup")!;
    sim.drift({ op: "delete", nativeId: gone.nativeId });
    const added = sim.drift({ op: "add", resourceType: "AWS::EC2::Volume" });
    const changed = sim.drift({ op: "make-bucket-public" });
    const events = await drain(collectAws(awsConnection(sim), target, { changedSince: since, stored: inventory }));

    // The new volume and the changed bucket arrive in full; their types' counts add up.
    const read = new Set(snapshotsOf(events).map((s) => s.nativeId));
    for (const c of [...added, ...changed]) expect(read.has(c.nativeId)).toBe(true);
    // Only the security groups of the deleted one's region were listed, and it is not among them.
    const ids = events.flatMap((e) => (e.kind === "ids" ? e.ids : []));
    const listedTypes = new Set(ids.map((id) => stored.get(id)?.resourceType ?? "new"));
    expect([...listedTypes]).toEqual(["AWS::EC2::SecurityGroup"]);
    expect(ids.length).toBe(inventory.count(gone.region, "AWS::EC2::SecurityGroup") - 1);
    expect(ids).not.toContain(gone.nativeId);
    // Every other inventory type is reported present, per region, the deleted one's type nowhere in its region.
    const present = events.flatMap((e) => (e.kind === "present" ? e.resourceTypes.map((t) => `${e.region} ${t}`) : []));
    expect(present).not.toContain(`${gone.region} AWS::EC2::SecurityGroup`);
    expect(present).toContain(`${gone.region} AWS::S3::Bucket`);
    expect(present.some((p) => p.startsWith("global AWS::IAM::"))).toBe(true);
  });

  it("rides out throttling with SDK backoff", async () => {
    sim.setFaults({ api: "config:SelectResourceConfig", throttleCount: 3 });
    try {
      const events = await drain(collectAws(awsConnection(sim), awsTarget(sim)));
      expect(coverageOf(events).filter((c) => c.status === "error")).toEqual([]);
    } finally {
      sim.clearFaults();
    }
  });

  it("records a failing region as a coverage error and keeps the others", async () => {
    sim.setFaults({ api: "config:SelectResourceConfig", errorRate: 1 });
    try {
      const conn = { ...awsConnection(sim), maxAttempts: 2 };
      const events = await drain(collectAws(conn, awsTarget(sim)));
      const errors = coverageOf(events).filter((c) => c.status === "error");
      expect(errors.length).toBeGreaterThan(0);
      expect(snapshotsOf(events).some((s) => s.resourceType === "Safeguard::AWS::Account")).toBe(true);
    } finally {
      sim.clearFaults();
    }
  });

  it("fails with an assume-role error on a wrong external ID", async () => {
    const target = { ...awsTarget(sim), externalId: "not-the-right-one" };
    const err = await drain(collectAws(awsConnection(sim), target)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CloudCallError);
    expect(err).toMatchObject({ stage: "assume-role", code: "AccessDenied" });
  });
});
