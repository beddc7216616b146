// The Azure reads beyond Resource Graph rows (Key Vault data plane, SQL encryption protector and firewall rules,
// Defender security contacts, the Entra tenant row from Graph), through the real clients against the simulator.
import { collectedAzureRows } from "@safeguard/cloud-sim/azure/collected-rows";
import type { RunningSimulator } from "@safeguard/cloud-sim/server";
import { fromAzureGraphRow, type ResourceSnapshot } from "@safeguard/controls/snapshot";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { azureConnection, azureTarget, coverageOf, drain, snapshotsOf, startTestSimulator } from "../../test/helpers";
import type { CollectEvent } from "../source";
import { collectAzure } from "./collect-azure";

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(async () => {
  await sim?.stop();
});

const errorsOf = (events: CollectEvent[]) => events.flatMap((e) => (e.kind === "error" ? [e.error] : []));
const collect = async () => drain(collectAzure(azureConnection(sim), azureTarget(sim)));
const expected = (): Map<string, ResourceSnapshot> => {
  const out = new Map<string, ResourceSnapshot>();
  for (const row of collectedAzureRows(sim.state.estate)) {
    const n = fromAzureGraphRow(row);
    if (n.ok) out.set(n.snapshot.nativeId, n.snapshot);
  }
  return out;
};

describe("Azure reads beyond Resource Graph", () => {
  it("reads every row the way the simulator's estate holds it: data plane, SQL children, security contacts, tenant row", async () => {
    const events = await collect();
    expect(errorsOf(events)).toEqual([]);
    expect(coverageOf(events).every((c) => c.status === "ok")).toBe(true);
    const want = expected();
    const snaps = snapshotsOf(events);
    for (const type of ["microsoft.keyvault/vaults", "microsoft.sql/servers", "microsoft.resources/subscriptions", "safeguard::azure::tenant"]) {
      const got = snaps.filter((s) => s.resourceType === type);
      expect(got.length, type).toBeGreaterThan(0);
      for (const s of got) {
        const w = want.get(s.nativeId);
        expect(w, s.nativeId).toBeDefined();
        expect(s.configuration, s.nativeId).toEqual(w?.configuration);
        expect(s.supplementaryConfiguration, s.nativeId).toEqual(w?.supplementaryConfiguration);
      }
    }
    const vault = snaps.find((s) => s.resourceType === "microsoft.keyvault/vaults")!;
    const keys = vault.supplementaryConfiguration.keys as Array<{ managed?: boolean; rotationPolicy?: unknown }>;
    expect(keys.filter((k) => !k.managed).every((k) => k.rotationPolicy !== undefined && k.rotationPolicy !== null)).toBe(true);
    const tenant = snaps.find((s) => s.resourceType === "safeguard::azure::tenant")!;
    const admins = (tenant.configuration!.properties as { userRegistrationDetails: Array<{ isAdmin: boolean }> }).userRegistrationDetails;
    // More admins than one Graph page: the collector followed @odata.nextLink.
    expect(admins.length).toBeGreaterThan(20);
    expect(admins.every((u) => u.isAdmin)).toBe(true);
  });

  it("a vault whose data plane refuses the scanner gets keys/secrets null and collection errors, not a failed scan", async () => {
    const vault = sim.state.estate.azure[0]!.resources.find((r) => r.row.type === "microsoft.keyvault/vaults" && !r.deleted)!;
    vault.dataPlane!.scannerForbidden = true;
    try {
      const events = await collect();
      const snap = snapshotsOf(events).find((s) => s.nativeId === vault.row.id)!;
      expect(snap.supplementaryConfiguration.keys).toBeNull();
      expect(snap.supplementaryConfiguration.secrets).toBeNull();
      expect(snap.supplementaryConfiguration.diagnosticSettings).toBeDefined();
      expect(errorsOf(events).map((e) => [e.api, e.code])).toEqual([["keyvault:GET /keys", "Forbidden"], ["keyvault:GET /secrets", "Forbidden"]]);
      expect(coverageOf(events).map((c) => c.status)).toEqual(["ok"]);
    } finally {
      vault.dataPlane!.scannerForbidden = false;
    }
  });

  it("without AuditLog.Read.All the tenant row carries userRegistrationDetails null and one collection error", async () => {
    sim.state.estate.azureTenant.directory.reportsReadGranted = false;
    try {
      const events = await collect();
      const tenant = snapshotsOf(events).find((s) => s.resourceType === "safeguard::azure::tenant")!;
      expect((tenant.configuration!.properties as { userRegistrationDetails: unknown }).userRegistrationDetails).toBeNull();
      expect(errorsOf(events).map((e) => [e.api, e.code])).toEqual([["graph:GET /reports/authenticationMethods/userRegistrationDetails", "Authorization_RequestDenied"]]);
      expect(coverageOf(events).map((c) => c.status)).toEqual(["ok"]);
    } finally {
      sim.state.estate.azureTenant.directory.reportsReadGranted = true;
    }
  });

  it("waits out Graph and Key Vault throttling (Retry-After) and completes", async () => {
    sim.setFaults({ api: "graph:userRegistrationDetails", throttleCount: 1 });
    sim.setFaults({ api: "keyvault:GetSecrets", throttleCount: 1 });
    try {
      const events = await collect();
      expect(errorsOf(events)).toEqual([]);
      const tenant = snapshotsOf(events).find((s) => s.resourceType === "safeguard::azure::tenant")!;
      expect((tenant.configuration!.properties as { userRegistrationDetails: unknown[] }).userRegistrationDetails.length).toBeGreaterThan(0);
    } finally {
      sim.clearFaults();
    }
  });
});
