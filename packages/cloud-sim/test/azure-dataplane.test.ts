// The Azure reads beyond Resource Graph rows: Key Vault's data plane, Microsoft Graph's user registration report,
// the new ARM children, and Resource Graph's change history (resourcechanges) that drift records.
import { ResourceGraphClient } from "@azure/arm-resourcegraph";
import { ClientSecretCredential } from "@azure/identity";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { vaultHostOf } from "../src/azure/keyvault";
import type { AzureResource } from "../src/estate/model";
import type { RunningSimulator } from "../src/server";
import { startTestSimulator } from "./helpers";

let sim: RunningSimulator;
beforeAll(async () => { sim = await startTestSimulator({ azureSubscriptions: 1, resourcesPerAccount: 300 }); });
afterAll(async () => { await sim.stop(); });

const credential = () => new ClientSecretCredential(sim.estate.azure.tenantId, sim.estate.azure.clientId, sim.estate.azure.clientSecret, { authorityHost: sim.httpsUrl as string, disableInstanceDiscovery: true });
const token = async (scope: string) => (await credential().getToken(scope)).token;
const get = async (url: string, bearer?: string) => {
  const res = await fetch(url, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
};
const resources = () => sim.state.estate.azure[0]!.resources;
const vaults = () => resources().filter((r) => r.row.type === "microsoft.keyvault/vaults" && !r.deleted);
const dataPlaneUrl = (vault: AzureResource, path: string) => `${sim.httpsUrl}/keyvault/${vaultHostOf(vault)}${path}`;

describe("Key Vault data plane", () => {
  it("challenges an anonymous call and refuses a token minted for ARM", async () => {
    const url = dataPlaneUrl(vaults()[0]!, "/keys?api-version=7.4");
    const anonymous = await get(url);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toBe(`Bearer authorization="https://login.microsoftonline.com/${sim.estate.azure.tenantId}", resource="https://vault.azure.net"`);
    const arm = await get(url, await token("https://management.azure.com/.default"));
    expect(arm.status).toBe(401);
    expect((arm.body.error as { message: string }).message).toContain("AKV10022");
  });

  it("lists keys page by page (nextLink), each key's rotation policy, and secrets", async () => {
    const bearer = await token("https://vault.azure.net/.default");
    const vault = vaults().find((v) => (v.dataPlane?.keys.length ?? 0) >= 2)!;
    const kids: string[] = [];
    let url: string | null = dataPlaneUrl(vault, "/keys?api-version=7.4&maxresults=1");
    while (url) {
      const page = await get(url, bearer);
      expect(page.status).toBe(200);
      const items = page.body.value as Array<{ kid: string; attributes: { enabled: boolean; created: number } }>;
      expect(items.length).toBeLessThanOrEqual(1);
      kids.push(...items.map((k) => k.kid));
      url = (page.body.nextLink as string | null) ?? null;
    }
    expect(kids).toEqual(vault.dataPlane!.keys.map((k) => `https://${vaultHostOf(vault)}/keys/${k.name}`));
    for (const key of vault.dataPlane!.keys) {
      const policy = await get(dataPlaneUrl(vault, `/keys/${key.name}/rotationpolicy?api-version=7.4`), bearer);
      expect(policy.status).toBe(200);
      const actions = (policy.body.lifetimeActions as Array<{ action: { type: string } }>).map((a) => a.action.type);
      // A key never given a policy answers the service default: notify before expiry, no rotation.
      expect(actions.includes("Rotate")).toBe(key.rotationPolicy !== null);
    }
    const secrets = await get(dataPlaneUrl(vault, "/secrets?api-version=7.5"), bearer);
    expect((secrets.body.value as Array<{ id: string }>).map((s) => s.id)).toEqual(vault.dataPlane!.secrets.map((s) => `https://${vaultHostOf(vault)}/secrets/${s.name}`));
  });

  it("answers 403 ForbiddenByRbac when the scanner holds no data-plane role", async () => {
    const vault = vaults()[1]!;
    vault.dataPlane!.scannerForbidden = true;
    try {
      const res = await get(dataPlaneUrl(vault, "/secrets?api-version=7.4"), await token("https://vault.azure.net/.default"));
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({ code: "Forbidden", innererror: { code: "ForbiddenByRbac" } });
    } finally {
      vault.dataPlane!.scannerForbidden = false;
    }
  });
});

describe("Microsoft Graph userRegistrationDetails", () => {
  const url = () => `${sim.httpsUrl}/v1.0/reports/authenticationMethods/userRegistrationDetails?$filter=${encodeURIComponent("isAdmin eq true")}`;

  it("pages the admins by @odata.nextLink for a Graph token", async () => {
    const bearer = await token("https://graph.microsoft.com/.default");
    const rows: Array<{ isAdmin: boolean; isMfaRegistered: boolean }> = [];
    let next: string | null = url();
    let pages = 0;
    while (next) {
      const page = await get(next, bearer);
      expect(page.status).toBe(200);
      rows.push(...(page.body.value as typeof rows));
      next = (page.body["@odata.nextLink"] as string | undefined) ?? null;
      pages++;
    }
    expect(pages).toBeGreaterThan(1);
    expect(rows.length).toBe(sim.state.estate.azureTenant.directory.users.filter((u) => u.isAdmin).length);
    expect(rows.every((r) => r.isAdmin)).toBe(true);
    // The default estate (misconfigured share > 0) has admins without MFA.
    expect(rows.some((r) => !r.isMfaRegistered)).toBe(true);
  });

  it("refuses an ARM token, an unsupported filter, and answers 403 without AuditLog.Read.All", async () => {
    expect((await get(url(), await token("https://management.azure.com/.default"))).status).toBe(401);
    const bearer = await token("https://graph.microsoft.com/.default");
    expect((await get(`${sim.httpsUrl}/v1.0/reports/authenticationMethods/userRegistrationDetails?$filter=startswith(userPrincipalName,'a')`, bearer)).status).toBe(400);
    sim.state.estate.azureTenant.directory.reportsReadGranted = false;
    try {
      const denied = await get(url(), bearer);
      expect(denied.status).toBe(403);
      expect((denied.body.error as { code: string }).code).toBe("Authorization_RequestDenied");
    } finally {
      sim.state.estate.azureTenant.directory.reportsReadGranted = true;
    }
  });
});

describe("ARM children and Resource Graph change history", () => {
  const graph = () => new ResourceGraphClient(credential(), { baseUri: sim.httpsUrl as string });
  const subscriptions = () => [sim.estate.azure.subscriptions[0]!.subscriptionId];

  it("serves security contacts, SQL encryption protectors and firewall rules", async () => {
    const bearer = await token("https://management.azure.com/.default");
    const sub = subscriptions()[0]!;
    const contacts = await get(`${sim.httpsUrl}/subscriptions/${sub}/providers/Microsoft.Security/securityContacts?api-version=2023-12-01-preview`, bearer);
    expect((contacts.body.value as Array<{ properties: { emails: string } }>)[0]?.properties.emails).toContain("@");
    const server = resources().find((r) => r.row.type === "microsoft.sql/servers")!;
    const protector = await get(`${sim.httpsUrl}${server.row.id}/encryptionProtector/current?api-version=2021-11-01`, bearer);
    expect(["ServiceManaged", "AzureKeyVault"]).toContain((protector.body.properties as { serverKeyType: string }).serverKeyType);
    const rules = await get(`${sim.httpsUrl}${server.row.id}/firewallRules?api-version=2021-11-01`, bearer);
    expect((rules.body.value as unknown[]).length).toBeGreaterThan(0);
  });

  it("records drift as resourcechanges rows and answers the collector's extend/where/project query", async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const storage = resources().find((r) => r.row.type === "microsoft.storage/storageaccounts" && !r.deleted && (r.row.properties as { allowBlobPublicAccess: boolean }).allowBlobPublicAccess === false)!;
    const pricing = resources().find((r) => r.row.type === "microsoft.security/pricings")!;
    const [updated] = sim.drift({ op: "azure-misconfigure", nativeId: storage.row.id });
    const [added] = sim.drift({ op: "add", resourceType: "microsoft.keyvault/vaults" });
    const [deleted] = sim.drift({ op: "delete", nativeId: resources().find((r) => r.row.type === "microsoft.compute/disks" && !r.deleted)!.row.id });
    const query = [
      "resourcechanges",
      "| extend changeTime = todatetime(properties.changeAttributes.timestamp), targetResourceId = tostring(properties.targetResourceId), changeType = tostring(properties.changeType)",
      `| where changeTime > datetime(${since})`,
      "| order by id asc",
      "| project targetResourceId, changeType, changeTime, changes = properties.changes",
    ].join(" ");
    const page = await graph().resources({ subscriptions: subscriptions(), query, options: { resultFormat: "objectArray" } });
    const rows = page.data as Array<{ targetResourceId: string; changeType: string; changeTime: string; changes: Record<string, { newValue: string }> }>;
    expect(rows.map((r) => [r.targetResourceId, r.changeType])).toEqual(expect.arrayContaining([[updated!.nativeId, "Update"], [added!.nativeId, "Create"], [deleted!.nativeId, "Delete"]]));
    expect(Object.keys(rows[0] ?? {})).toEqual(["targetResourceId", "changeType", "changeTime", "changes"]);
    expect(rows.find((r) => r.changeType === "Update")?.changes["properties.allowBlobPublicAccess"]?.newValue).toBe("true");
    // Types outside the Resources table have no change history in ARG.
    expect(rows.some((r) => r.targetResourceId === pricing.row.id)).toBe(false);
    const later = await graph().resources({ subscriptions: subscriptions(), query: query.replace(since, new Date(Date.now() + 60_000).toISOString()) });
    expect(later.totalRecords).toBe(0);
  });

  it("rejects an extend placed after where, as outside the subset", async () => {
    const err = await graph().resources({ subscriptions: subscriptions(), query: "resourcechanges | where properties.changeType == 'Update' | extend t = todatetime(properties.changeAttributes.timestamp)" }).catch((e: unknown) => e);
    expect(err).toMatchObject({ statusCode: 400, code: "BadRequest" });
  });
});
