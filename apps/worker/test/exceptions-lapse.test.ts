// exceptions.lapse (maintenance): a lapsed exception is audited, its findings count again, and the
// day's ComplianceSnapshot of the affected account follows at once, not at the account's next scan.
import { describe, expect, it } from "vitest";
import { createAwsAccount, createOrg, regionEvents, regionFacts, scanOnce, volume } from "@safeguard/core/scans/testing/fixtures";
import { withTenant } from "@safeguard/db/tenant";
import { useTestDatabase } from "@safeguard/db/testing/use-test-database";
import { processExceptionsLapse } from "../src/processors/maintenance";

useTestDatabase();

const snapshot = (org: string, account: string) => withTenant(org, (tx) => tx.complianceSnapshot.findFirstOrThrow({ where: { accountId: account }, orderBy: { day: "desc" } }));

describe("exceptions.lapse", () => {
  it("expires the exception, un-suppresses its findings and refreshes only the affected account's roll-up", async () => {
    const org = await createOrg("Lapse");
    const covered = await createAwsAccount(org);
    const other = await createAwsAccount(org, ["us-east-1", "us-west-2"], "210987654321");
    const events = regionEvents({ "us-east-1": [regionFacts("us-east-1"), volume("vol-a", false), volume("vol-b", false)], "us-west-2": [regionFacts("us-west-2")] });
    await scanOnce(org, other, events);
    const expiresAt = new Date(Date.now() + 3_600_000);
    const ex = await withTenant(org, (tx) => tx.exception.create({
      data: { orgId: org, scope: "CHECK_ON_ACCOUNT", checkId: "aws.ec2.volume.encrypted", accountId: covered, justification: "legacy volumes, migrating this quarter",
        status: "APPROVED", requestedById: "00000000-0000-4000-8000-000000000001", expiresAt },
    }));
    await scanOnce(org, covered, events);
    const before = await snapshot(org, covered);
    expect(before.suppressedCount).toBe(2);
    const otherBefore = await snapshot(org, other);

    // Nothing has expired yet: no lapse, the roll-up is left alone.
    expect(await processExceptionsLapse()).toBe(0);
    expect((await snapshot(org, covered)).updatedAt).toEqual(before.updatedAt);

    expect(await processExceptionsLapse({ now: new Date(expiresAt.getTime() + 1000) })).toBe(1);
    const after = await snapshot(org, covered);
    expect(after.day).toEqual(before.day);
    expect(after.suppressedCount).toBe(0);
    expect(after.failCount).toBe(before.failCount + 2);
    expect(after.weightedTotal).toBeGreaterThan(before.weightedTotal);
    expect((await snapshot(org, other)).updatedAt).toEqual(otherBefore.updatedAt);
    const state = await withTenant(org, async (tx) => ({
      status: (await tx.exception.findUniqueOrThrow({ where: { id: ex.id } })).status,
      audited: await tx.auditLog.count({ where: { targetId: ex.id, action: "exception.expired" } }),
      suppressed: await tx.finding.count({ where: { accountId: covered, suppressed: true } }),
    }));
    expect(state).toEqual({ status: "EXPIRED", audited: 1, suppressed: 0 });
  });
});
