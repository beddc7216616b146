import { ResourceGraphClient } from "@azure/arm-resourcegraph";
import { ClientSecretCredential } from "@azure/identity";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../src/server";
import { startTestSimulator } from "./helpers";

let sim: RunningSimulator;
beforeAll(async () => { sim = await startTestSimulator({ azureSubscriptions: 2, resourcesPerAccount: 2600 }); });
afterAll(async () => { await sim.stop(); });

function credential(secret = sim.estate.azure.clientSecret) {
  // Configuration only: the authority host points at the simulator's HTTPS listener, trusted via NODE_EXTRA_CA_CERTS.
  return new ClientSecretCredential(sim.estate.azure.tenantId, sim.estate.azure.clientId, secret, { authorityHost: sim.httpsUrl as string, disableInstanceDiscovery: true });
}

function graph() {
  return new ResourceGraphClient(credential(), { baseUri: sim.httpsUrl as string });
}

describe("Entra ID token endpoint through @azure/identity", () => {
  it("issues a bearer token for the right client secret", async () => {
    const token = await credential().getToken("https://management.azure.com/.default");
    expect(token.token).toMatch(/^simtok\./);
    expect(token.expiresOnTimestamp).toBeGreaterThan(Date.now());
  });

  it("refuses a wrong secret with AADSTS7000215 invalid_client", async () => {
    const err = await credential("wrong-secret").getToken("https://management.azure.com/.default").catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toContain("AADSTS7000215");
    expect((err as Error).message).toContain("invalid_client");
  });
});

describe("Resource Graph through @azure/arm-resourcegraph", () => {
  const subscriptions = () => sim.estate.azure.subscriptions.map((s) => s.subscriptionId);

  it("pages with $skipToken through every matching row, ordered by id", async () => {
    const client = graph();
    const query = "Resources | where type in~ ('microsoft.storage/storageaccounts', 'microsoft.compute/disks', 'microsoft.compute/virtualmachines') | order by id asc";
    const ids: string[] = [];
    let skipToken: string | undefined;
    let total = 0;
    let pages = 0;
    do {
      const page = await client.resources({ subscriptions: subscriptions(), query, options: { top: 1000, skipToken } });
      pages++;
      total = page.totalRecords;
      expect(page.resultTruncated).toBe("false");
      ids.push(...(page.data as { id: string }[]).map((r) => r.id));
      skipToken = page.skipToken;
    } while (skipToken);
    expect(pages).toBeGreaterThan(1);
    expect(ids.length).toBe(total);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1))).toEqual(ids);
  });

  it("filters on properties.changedTime and projects ids", async () => {
    const since = new Date(Date.now() - 1).toISOString();
    const [change] = sim.drift({ op: "random", count: 1 }).filter((c) => c.provider === "azure");
    const [added] = sim.drift({ op: "add", resourceType: "microsoft.keyvault/vaults" });
    const page = await graph().resources({ subscriptions: subscriptions(), query: `Resources | where properties.changedTime > datetime(${since}) | project id | order by id asc` });
    const ids = (page.data as { id: string }[]).map((r) => r.id);
    expect(ids).toContain(added?.nativeId);
    if (change) expect(ids).toContain(change.nativeId);
    expect(Object.keys((page.data as object[])[0] ?? {})).toEqual(["id"]);
  });

  it("serves Defender pricings from securityresources", async () => {
    const page = await graph().resources({ subscriptions: subscriptions().slice(0, 1), query: "securityresources | where type =~ 'microsoft.security/pricings'" });
    expect(page.totalRecords).toBe(11);
    expect((page.data as { properties: { pricingTier: string } }[]).every((r) => ["Standard", "Free"].includes(r.properties.pricingTier))).toBe(true);
  });

  // @azure/arm-resourcegraph 4.2.1 runs on @azure/ms-rest-js, whose deserialization policy turns the 429 into a
  // RestError before its ThrottlingRetryPolicy can see it: the caller gets the 429 and must honour Retry-After.
  it("answers a 429 with Retry-After; waiting that long and asking again succeeds", async () => {
    sim.setFaults({ api: "azure:resources", throttleCount: 1 });
    const query = { subscriptions: subscriptions(), query: "Resources | where type =~ 'microsoft.keyvault/vaults'" };
    type ThrottleError = { statusCode?: number; code?: string; response?: { headers: { get(name: string): string | undefined } } };
    const err = (await graph().resources(query).then(() => ({}), (e: unknown) => e)) as ThrottleError;
    expect(err).toMatchObject({ statusCode: 429, code: "RateLimiting" });
    const retryAfter = Number(err.response?.headers.get("retry-after"));
    expect(retryAfter).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
    const page = await graph().resources(query);
    expect(page.count).toBeGreaterThan(0);
    sim.clearFaults();
  });

  it("rejects unsupported KQL with ARM's BadRequest shape", async () => {
    const err = await graph().resources({ subscriptions: subscriptions(), query: "Resources | summarize count() by type" }).catch((e: unknown) => e as { statusCode?: number; code?: string; body?: unknown });
    expect(err).toMatchObject({ statusCode: 400, code: "BadRequest" });
  });

  it("serves the ARM child settings the Azure checks read, behind the bearer token", async () => {
    const token = (await credential().getToken("https://management.azure.com/.default")).token;
    const sql = (await graph().resources({ subscriptions: subscriptions(), query: "Resources | where type =~ 'microsoft.sql/servers' | project id" })).data as { id: string }[];
    const url = `${sim.httpsUrl}${sql[0]?.id}/auditingSettings/default?api-version=2021-11-01`;
    const ok = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { properties: { state: string } }).properties.state).toMatch(/Enabled|Disabled/);
    const anonymous = await fetch(url);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe("AuthenticationFailed");
    const forged = await fetch(url, { headers: { authorization: "Bearer forged" } });
    expect(((await forged.json()) as { error: { code: string } }).error.code).toBe("InvalidAuthenticationToken");
  });
});
