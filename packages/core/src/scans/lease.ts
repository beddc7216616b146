// The scan lease: a RUNNING scan names its worker and an expiry that the worker pushes forward with a
// heartbeat. A worker that dies stops renewing; the watchdog (recover-expired-scans) then retries or
// fails the scan, so no scan stays "running" forever. Taking over an expired lease is allowed, so a
// redelivered job can pick up a dead worker's scan directly.
import type { OrgTx } from "@safeguard/db/tenant";

export interface ClaimedScan {
  id: string;
  orgId: string;
  accountId: string;
  kind: "FULL" | "INCREMENTAL";
  attempt: number;
}

/** Atomically QUEUED (or RUNNING with an expired lease) -> RUNNING for this owner. Null: nothing to do. */
export async function claimScan({ tx, scanRunId, owner, leaseMs }: { tx: OrgTx; scanRunId: string; owner: string; leaseMs: number }): Promise<ClaimedScan | null> {
  const rows = await tx.$queryRaw<ClaimedScan[]>`
    UPDATE scan_runs SET status = 'RUNNING', phase = 'ASSUMING_ROLE', lease_owner = ${owner},
      lease_expires_at = now() + make_interval(secs => ${leaseMs / 1000}), heartbeat_at = now(),
      started_at = coalesce(started_at, now()), attempt = attempt + 1, progress_message = 'Starting'
    WHERE id = ${scanRunId}::uuid AND cancel_requested_at IS NULL
      AND (status = 'QUEUED' OR (status = 'RUNNING' AND lease_expires_at < now()))
    RETURNING id, org_id AS "orgId", account_id AS "accountId", kind::text AS kind, attempt`;
  return rows[0] ?? null;
}

export interface HeartbeatResult {
  /** The lease now belongs to someone else (or the scan was finished by the watchdog): stop at once. */
  leaseLost: boolean;
  cancelRequested: boolean;
}

export async function heartbeatScan({ tx, scanRunId, owner, leaseMs }: { tx: OrgTx; scanRunId: string; owner: string; leaseMs: number }): Promise<HeartbeatResult> {
  const rows = await tx.$queryRaw<Array<{ cancel: boolean }>>`
    UPDATE scan_runs SET lease_expires_at = now() + make_interval(secs => ${leaseMs / 1000}), heartbeat_at = now()
    WHERE id = ${scanRunId}::uuid AND status = 'RUNNING' AND lease_owner = ${owner}
    RETURNING cancel_requested_at IS NOT NULL AS cancel`;
  const row = rows[0];
  return { leaseLost: !row, cancelRequested: row?.cancel ?? false };
}

export interface ScanProgress {
  phase?: "ASSUMING_ROLE" | "COLLECTING" | "EVALUATING" | "RECONCILING";
  message?: string;
  resourcesCollected?: number;
  resourcesEvaluated?: number;
  regionCoverage?: unknown[];
  errors?: unknown[];
}

/** Progress the UI polls; written from outside the scan's transaction so it is visible while it runs. */
export async function reportScanProgress({ tx, scanRunId, owner, progress }: { tx: OrgTx; scanRunId: string; owner: string; progress: ScanProgress }) {
  await tx.scanRun.updateMany({
    where: { id: scanRunId, status: "RUNNING", leaseOwner: owner },
    data: {
      ...(progress.phase ? { phase: progress.phase } : {}),
      ...(progress.message !== undefined ? { progressMessage: progress.message } : {}),
      ...(progress.resourcesCollected !== undefined ? { resourcesCollected: progress.resourcesCollected } : {}),
      ...(progress.resourcesEvaluated !== undefined ? { resourcesEvaluated: progress.resourcesEvaluated } : {}),
      ...(progress.regionCoverage ? { regionCoverage: progress.regionCoverage as object[] } : {}),
      ...(progress.errors ? { errors: progress.errors as object[] } : {}),
    },
  });
}
