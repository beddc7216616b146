import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EstateDescriptor } from "../src/admin/routes";
import type { DriftChange } from "../src/estate/drift";
import { startSimulator, type RunningSimulator } from "../src/server";
import { startTestSimulator } from "./helpers";

let sim: RunningSimulator;
beforeAll(async () => { sim = await startTestSimulator({ awsAccounts: 2, azureSubscriptions: 1, resourcesPerAccount: 300 }); });
afterAll(async () => { await sim.stop(); });

const post = (path: string, body: unknown) => fetch(`${sim.url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) });

describe("admin API", () => {
  it("describes what to onboard: accounts, role ARNs, external ids, platform principal, Azure app", async () => {
    const estate = (await (await fetch(`${sim.url}/_sim/estate`)).json()) as EstateDescriptor;
    expect(estate.aws).toHaveLength(2);
    expect(estate.aws[0]?.roleArn).toBe(`arn:aws:iam::${estate.aws[0]?.accountId}:role/SafeguardAudit`);
    expect(estate.aws[0]?.externalId).toMatch(/^sg-ext-/);
    expect(estate.platform.arn).toBe("arn:aws:iam::123456789012:user/safeguard-platform");
    expect(estate.azure.subscriptions).toHaveLength(1);
  });

  it("drifts resources over HTTP and stamps the change time", async () => {
    const before = Date.now();
    const res = await post("/_sim/drift", { op: "add", resourceType: "AWS::S3::Bucket", misconfigured: true });
    const { changes } = (await res.json()) as { changes: DriftChange[] };
    expect(changes[0]?.nativeId).toMatch(/^arn:aws:s3:::/);
    const added = [...(sim.state.estate.aws[0]?.items.all() ?? [])].find((i) => i.arn === changes[0]?.nativeId);
    expect(Date.parse(added?.configurationItemCaptureTime ?? "")).toBeGreaterThanOrEqual(before);
    const del = (await (await post("/_sim/drift", { op: "delete", nativeId: changes[0]?.nativeId })).json()) as { changes: DriftChange[] };
    expect(del.changes[0]?.change).toBe("delete");
    expect(added?.configurationItemStatus).toBe("ResourceDeleted");
    const random = (await (await post("/_sim/drift", { op: "random", count: 4 })).json()) as { changes: DriftChange[] };
    expect(random.changes).toHaveLength(4);
  });

  it("rejects unknown drift ops, bad JSON and invalid fault rules with 400", async () => {
    expect((await post("/_sim/drift", { op: "set-on-fire" })).status).toBe(400);
    expect((await post("/_sim/drift", { op: "delete", nativeId: "arn:aws:s3:::nope" })).status).toBe(400);
    expect((await post("/_sim/drift", "{not json")).status).toBe(400);
    expect((await post("/_sim/faults", { api: "config:SelectResourceConfig", throttleRate: 7 })).status).toBe(400);
    const ok = await post("/_sim/faults", { api: "config:SelectResourceConfig", throttleRate: 0.1, latencyMs: 5 });
    expect(((await ok.json()) as { faults: unknown[] }).faults).toHaveLength(1);
    const cleared = await fetch(`${sim.url}/_sim/faults`, { method: "DELETE" });
    expect(((await cleared.json()) as { faults: unknown[] }).faults).toEqual([]);
  });
});

describe("bad requests never crash the simulator", () => {
  it("answers unsigned query and JSON requests with each protocol's missing-token error", async () => {
    const query = await fetch(sim.url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "Action=GetCallerIdentity&Version=2011-06-15" });
    expect(query.status).toBe(403);
    expect(await query.text()).toContain("<Code>MissingAuthenticationToken</Code>");
    const json = await fetch(sim.url, { method: "POST", headers: { "x-amz-target": "StarlingDoveService.SelectResourceConfig", "content-type": "application/x-amz-json-1.1" }, body: "{" });
    expect(json.status).toBe(400);
    expect(((await json.json()) as { __type: string }).__type).toBe("MissingAuthenticationTokenException");
  });

  it("treats a garbled Authorization header as a signature mismatch", async () => {
    const res = await fetch(sim.url, { method: "POST", headers: { authorization: "AWS4-HMAC-SHA256 Credential=garbage", "content-type": "application/x-www-form-urlencoded" }, body: "Action=AssumeRole" });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("<Code>SignatureDoesNotMatch</Code>");
  });

  it("answers unknown ARM paths and Graph calls without a token in ARM's error shape", async () => {
    const graph = await fetch(`${sim.url}/providers/Microsoft.ResourceGraph/resources?api-version=2021-03-01`, { method: "POST", body: "[]" });
    expect(graph.status).toBe(401);
    expect(((await graph.json()) as { error: { code: string } }).error.code).toBe("AuthenticationFailed");
    expect((await fetch(`${sim.url}/_sim/health`)).status).toBe(200);
  });
});

describe("drift mode", () => {
  it("drifts resources by itself every N minutes, stamping each change", async () => {
    const started = new Date().toISOString();
    // 0.005 minutes = 300 ms, so the test sees a few rounds without waiting minutes.
    const drifting = await startSimulator({ port: 0, httpsPort: false, driftEveryMinutes: 0.005, estate: { seed: "auto", awsAccounts: 1, azureSubscriptions: 1, resourcesPerAccount: 200 } });
    try {
      const changed = () => [...(drifting.state.estate.aws[0]?.items.all() ?? [])].filter((i) => i.configurationItemCaptureTime > started).length
        + (drifting.state.estate.azure[0]?.resources.filter((r) => String((r.row.properties as { changedTime?: string }).changedTime) > started).length ?? 0);
      for (let i = 0; i < 100 && changed() < 3; i++) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(changed()).toBeGreaterThanOrEqual(3);
    } finally {
      await drifting.stop();
    }
  });
});
