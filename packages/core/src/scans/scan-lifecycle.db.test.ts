import { describe, expect, it } from "vitest";
import { withTenant } from "@safeguard/db/tenant";
import { useTestDatabase } from "@safeguard/db/testing/use-test-database";
import { cancelScan } from "./cancel-scan";
import { claimScan, heartbeatScan } from "./lease";
import { recoverExpiredScans } from "./recover-expired-scans";
import { requestScan, ScanInFlightError } from "./request-scan";
import { createAwsAccount, createOrg } from "./testing/fixtures";

useTestDatabase();

async function setup() {
  const org = await createOrg();
  const acct = await createAwsAccount(org);
  return { org, acct };
}

describe("scan lifecycle", () => {
  it("runs an incremental request as FULL until a complete scan exists, and refuses a second one in flight", async () => {
    const { org, acct } = await setup();
    const run = await withTenant(org, (tx) => requestScan({ tx, accountId: acct, kind: "INCREMENTAL", trigger: "SCHEDULE" }));
    expect(run.kind).toBe("FULL");
    await expect(withTenant(org, (tx) => requestScan({ tx, accountId: acct, kind: "FULL", trigger: "MANUAL" }))).rejects.toBeInstanceOf(ScanInFlightError);
  });

  it("cancels a queued scan at once and asks a running one to stop", async () => {
    const { org, acct } = await setup();
    const queued = await withTenant(org, (tx) => requestScan({ tx, accountId: acct, kind: "FULL", trigger: "MANUAL" }));
    expect(await withTenant(org, (tx) => cancelScan({ tx, scanRunId: queued.id }))).toEqual({ cancelled: true, immediate: true });
    expect(await withTenant(org, (tx) => claimScan({ tx, scanRunId: queued.id, owner: "w", leaseMs: 10_000 }))).toBeNull();

    const running = await withTenant(org, (tx) => requestScan({ tx, accountId: acct, kind: "FULL", trigger: "MANUAL" }));
    expect(await withTenant(org, (tx) => claimScan({ tx, scanRunId: running.id, owner: "w", leaseMs: 10_000 }))).toMatchObject({ attempt: 1, kind: "FULL" });
    expect(await withTenant(org, (tx) => cancelScan({ tx, scanRunId: running.id }))).toEqual({ cancelled: true, immediate: false });
    expect(await withTenant(org, (tx) => heartbeatScan({ tx, scanRunId: running.id, owner: "w", leaseMs: 10_000 }))).toEqual({ leaseLost: false, cancelRequested: true });
  });

  it("lets only one claimant hold the lease, and lets the watchdog requeue then fail a dead scan", async () => {
    const { org, acct } = await setup();
    const run = await withTenant(org, (tx) => requestScan({ tx, accountId: acct, kind: "FULL", trigger: "MANUAL" }));
    expect(await withTenant(org, (tx) => claimScan({ tx, scanRunId: run.id, owner: "a", leaseMs: 200 }))).not.toBeNull();
    expect(await withTenant(org, (tx) => claimScan({ tx, scanRunId: run.id, owner: "b", leaseMs: 200 }))).toBeNull();
    await new Promise((r) => setTimeout(r, 300));
    expect((await recoverExpiredScans({ maxAttempts: 2 })).filter((r) => r.scanRunId === run.id)).toEqual([expect.objectContaining({ outcome: "requeued" })]);
    expect(await withTenant(org, (tx) => heartbeatScan({ tx, scanRunId: run.id, owner: "a", leaseMs: 200 }))).toMatchObject({ leaseLost: true });
    expect(await withTenant(org, (tx) => claimScan({ tx, scanRunId: run.id, owner: "b", leaseMs: 200 }))).toMatchObject({ attempt: 2 });
    await new Promise((r) => setTimeout(r, 300));
    expect((await recoverExpiredScans({ maxAttempts: 2 })).filter((r) => r.scanRunId === run.id)).toEqual([expect.objectContaining({ outcome: "failed" })]);
    const done = await withTenant(org, (tx) => tx.scanRun.findUniqueOrThrow({ where: { id: run.id } }));
    expect(done).toMatchObject({ status: "FAILED", errorCode: "WORKER_LOST" });
    const account = await withTenant(org, (tx) => tx.cloudAccount.findUniqueOrThrow({ where: { id: acct } }));
    expect(account.lastError).toMatch(/stopped responding/);
  });
});
