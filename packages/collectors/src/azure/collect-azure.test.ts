import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "@safeguard/cloud-sim/server";
import { coverageOf, drain, snapshotsOf, startTestSimulator } from "../../test/helpers";
import { CloudCallError } from "../errors";
import { collectAzure, type AzureTarget } from "./collect-azure";

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(async () => {
  await sim?.stop();
});

const conn = () => ({ authorityHost: sim.httpsUrl!, armEndpoint: sim.httpsUrl! });
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
