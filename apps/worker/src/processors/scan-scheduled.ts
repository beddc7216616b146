// scan.scheduled: an account's job scheduler fired. Create the ScanRun unless one is in flight (then
// this tick is simply skipped: the running scan covers it), and enqueue it.
import type { Queues } from "@safeguard/jobs/queues";
import { requestScan, ScanInFlightError } from "@safeguard/core/scans/request-scan";
import { ConflictError, NotFoundError } from "@safeguard/core/errors";
import { system } from "@safeguard/db/system";
import { withTenant } from "@safeguard/db/tenant";
import { log } from "../log";

export async function processScanScheduled(queues: Queues, data: { accountId: string; kind: "FULL" | "INCREMENTAL" }): Promise<string> {
  const orgId = await system.orgOfCloudAccount(data.accountId);
  if (!orgId) return "account-gone";
  try {
    const run = await withTenant(orgId, (tx) => requestScan({ tx, accountId: data.accountId, kind: data.kind, trigger: "SCHEDULE" }));
    await queues.enqueue("scan.account", { scanRunId: run.id }, { jobId: run.id });
    return run.id;
  } catch (error) {
    if (error instanceof ScanInFlightError) {
      log("info", "scheduled scan skipped: one is already in flight", { accountId: data.accountId, scanRunId: error.scanRunId });
      return "in-flight";
    }
    if (error instanceof NotFoundError || error instanceof ConflictError) return "skipped";
    throw error;
  }
}
