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

  it("admits exactly one of two concurrent requests (the database constraint), naming the winner to the loser", async () => {
    const { org, acct } = await setup();
    // A holds its new run uncommitted while B asks: B must wait for A, then be refused, not insert a second run.
    let inserted!: () => void;
    const aInserted = new Promise<void>((r) => (inserted = r));
    const a = withTenant(org, async (tx) => {
      const run = await requestScan({ tx, accountId: acct, kind: "FULL", trigger: "MANUAL" });
      inserted();
      await new Promise((r) => setTimeout(r, 300));
      return run;
    });
    await aInserted;
    const b = withTenant(org, (tx) => requestScan({ tx, accountId: acct, kind: "FULL", trigger: "SCHEDULE" }));
    const [ra, rb] = await Promise.allSettled([a, b]);
    expect(ra.status).toBe("fulfilled");
    expect(rb.status).toBe("rejected");
    const winner = (ra as PromiseFulfilledResult<{ id: string }>).value.id;
    expect((rb as PromiseRejectedResult).reason).toBeInstanceOf(ScanInFlightError);
    expect(((rb as PromiseRejectedResult).reason as ScanInFlightError).scanRunId).toBe(winner);

    // Unorchestrated: both at once, several times over; always one run in flight.
    const { org: org2, acct: acct2 } = await setup();
    const results = await Promise.allSettled(Array.from({ length: 4 }, () => withTenant(org2, (tx) => requestScan({ tx, accountId: acct2, kind: "FULL", trigger: "MANUAL" }))));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").every((r) => (r as PromiseRejectedResult).reason instanceof ScanInFlightError)).toBe(true);
    for (const [o, ac] of [[org, acct], [org2, acct2]] as const) {
      expect(await withTenant(o, (tx) => tx.scanRun.count({ where: { accountId: ac } }))).toBe(1);
    }
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
