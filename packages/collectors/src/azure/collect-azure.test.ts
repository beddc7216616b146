import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "@safeguard/cloud-sim/server";
import { azureConnection, coverageOf, drain, snapshotsOf, startTestSimulator } from "../../test/helpers";
import { CloudCallError } from "../errors";
import { collectAzure, type AzureTarget } from "./collect-azure";

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(async () => {
  await sim?.stop();
});

const conn = () => azureConnection(sim);
const target = (secret?: string): AzureTarget => ({
  tenantId: sim.estate.azure.tenantId,
  clientId: sim.estate.azure.clientId,
  clientSecret: secret ?? sim.estate.azure.clientSecret,
  subscriptionIds: [sim.estate.azure.subscriptions[0]!.subscriptionId],
});

describe("Azure collector against the simulator", () => {
  it("pages Resource Graph with $skipToken and attaches the ARM child settings", async () => {
    const events = await drain(collectAzure(conn(), target()));
    const snaps = snapshotsOf(events);
    expect(snaps.length).toBeGreaterThan(50);
    expect(coverageOf(events).every((c) => c.status === "ok")).toBe(true);
    const sql = snaps.find((s) => s.resourceType === "microsoft.sql/servers");
    if (sql) expect(sql.supplementaryConfiguration.auditingSettings).toBeDefined();
    const storage = snaps.find((s) => s.resourceType === "microsoft.storage/storageaccounts");
    if (storage) expect(storage.supplementaryConfiguration).toHaveProperty("blobServiceProperties");
  });

  it("reads every Resource Graph table the catalog's types live in, and the flexible servers' parameters", async () => {
    const sub = sim.estate.azure.subscriptions[0]!.subscriptionId;
    const snaps = snapshotsOf(await drain(collectAzure(conn(), target())));
    const types = new Set(snaps.map((s) => s.resourceType));
    for (const t of [
      "microsoft.recoveryservices/vaults/backupfabrics/protectioncontainers/protecteditems", // recoveryservicesresources
      "microsoft.recoveryservices/vaults/backuppolicies",
      "microsoft.web/sites/config", // appserviceresources
      "microsoft.authorization/roledefinitions", // authorizationresources
      "microsoft.authorization/policyassignments", // policyresources
      "microsoft.security/pricings", // securityresources
      "microsoft.network/networkwatchers", "microsoft.insights/activitylogalerts", // context types
    ]) expect(types, t).toContain(t);
    // The subscription is the resourcecontainers row (its display name), once, with its activity-log export.
    const subscriptions = snaps.filter((s) => s.resourceType === "microsoft.resources/subscriptions");
    expect(subscriptions).toHaveLength(1);
    expect(subscriptions[0]!.nativeId).toBe(`/subscriptions/${sub}`);
    expect(subscriptions[0]!.name).not.toBe(sub);
    expect((subscriptions[0]!.supplementaryConfiguration.diagnosticSettings as unknown[]).length).toBeGreaterThan(0);
    for (const type of ["microsoft.dbformysql/flexibleservers", "microsoft.dbforpostgresql/flexibleservers"]) {
      const servers = snaps.filter((s) => s.resourceType === type);
      expect(servers.length, type).toBeGreaterThan(0);
      for (const s of servers) {
        const names = (s.supplementaryConfiguration.configurations as Array<{ name: string }>).map((c) => c.name);
        expect(names).toContain("require_secure_transport");
      }
    }
  });

  it("backs off on 429 and completes", async () => {
    sim.setFaults({ api: "azure:resources", throttleCount: 2 });
    try {
      const events = await drain(collectAzure(conn(), target()));
      expect(coverageOf(events).every((c) => c.status === "ok")).toBe(true);
    } finally {
      sim.clearFaults();
    }
  });

  it("reports a wrong secret as a token error carrying AADSTS7000215", async () => {
    const err = await drain(collectAzure(conn(), target("wrong-secret"))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CloudCallError);
    expect((err as CloudCallError).stage).toBe("token");
    expect((err as CloudCallError).message).toContain("AADSTS7000215");
  });
});
