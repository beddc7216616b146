// How a scan ends. Success is written inside the scan's own transaction (with the data it reports);
// failure through a separate short transaction, since the scan's own was rolled back.
import type { OrgSql, OrgTx } from "@safeguard/db/tenant";
import type { CloudAccountStatus } from "@safeguard/db/client";
import type { PipelineResult } from "./run-scan";

export class LeaseLostError extends Error {
  constructor(scanRunId: string) {
    super(`Scan ${scanRunId} is no longer ours (lease expired and taken over, or finished by the watchdog)`);
    this.name = "LeaseLostError";
  }
}

export interface FinishInput {
  scanRunId: string;
  accountId: string;
  owner: string;
  kind: "FULL" | "INCREMENTAL";
  result: PipelineResult;
  totalMs: number;
  /** set when the scan worked but the account still has a problem to show (e.g. Config off everywhere) */
  accountProblem?: { status: CloudAccountStatus; message: string } | null;
}

/** Marks the scan SUCCEEDED/PARTIAL and the account scanned, in the scan's transaction. Throws LeaseLostError. */
export async function finishScanInTransaction(sql: OrgSql, f: FinishInput): Promise<"SUCCEEDED" | "PARTIAL"> {
  const r = f.result;
  const status = r.complete ? "SUCCEEDED" : "PARTIAL";
  const counts = { ...r.reconcile.events, collected: r.collected, changed: r.changed, evaluated: r.evaluated, verdicts: r.verdicts,
    resourcesDeleted: r.reconcile.resourcesDeleted };
  const timings = { ...r.timings, totalMs: f.totalMs };
  const upd = await sql.query(
    `UPDATE scan_runs SET status = $2::"ScanStatus", phase = 'DONE', finished_at = now(), lease_owner = NULL, lease_expires_at = NULL,
       resources_collected = $3, resources_evaluated = $4, counts = $5::jsonb, region_coverage = $6::jsonb, errors = $7::jsonb,
       timings = $8::jsonb, watermark = $9, progress_message = $10
     WHERE id = $1 AND status = 'RUNNING' AND lease_owner = $11`,
    [f.scanRunId, status, r.collected, r.evaluated, JSON.stringify(counts), JSON.stringify(r.coverage), JSON.stringify(r.errors),
      JSON.stringify(timings), r.watermark, status === "SUCCEEDED" ? "Done" : `Done with ${r.errors.length} problem(s): see coverage`, f.owner],
  );
  if (upd.rowCount !== 1) throw new LeaseLostError(f.scanRunId);
  const problem = f.accountProblem ?? null;
  const partialNote = r.complete ? null : r.errors.map((e) => `${e.scope}: ${e.api}: ${e.message}`).slice(0, 3).join("; ");
  await sql.query(
    `UPDATE cloud_accounts SET status = $2::"CloudAccountStatus", last_scan_id = $3, last_scan_at = now(),
       last_full_scan_at = CASE WHEN $4 AND $5 THEN now() ELSE last_full_scan_at END,
       -- The inventory was read in full (optional reads may have failed): the watermark and the full-scan time move on.
       change_watermark = CASE WHEN $5 AND $6::timestamptz IS NOT NULL THEN greatest($6::timestamptz, change_watermark) ELSE change_watermark END,
       last_error = $7, last_error_code = $8, last_error_at = CASE WHEN $7::text IS NULL THEN last_error_at ELSE now() END
     WHERE id = $1`,
    [f.accountId, problem?.status ?? "ACTIVE", f.scanRunId, f.kind === "FULL", r.inventoryComplete, r.watermark,
      problem?.message ?? partialNote, problem?.status ?? (r.complete ? null : "PARTIAL_SCAN")],
  );
  return status;
}

export interface FailInput {
  scanRunId: string;
  accountId: string;
  owner: string;
  /** QUEUED = will be retried (BullMQ attempt left); FAILED / CANCELLED are final */
  status: "QUEUED" | "FAILED" | "CANCELLED";
  code: string;
  message: string;
  /** account status to show (a classified access problem), or null to leave it */
  accountStatus: CloudAccountStatus | null;
  timings?: Record<string, number>;
}

export async function failScan({ tx, f }: { tx: OrgTx; f: FailInput }): Promise<boolean> {
  const final = f.status !== "QUEUED";
  const n = await tx.scanRun.updateMany({
    where: { id: f.scanRunId, status: "RUNNING", leaseOwner: f.owner },
    data: {
      status: f.status,
      phase: final ? "DONE" : "QUEUED",
      error: f.message,
      errorCode: f.code,
      leaseOwner: null,
      leaseExpiresAt: null,
      progressMessage: f.status === "QUEUED" ? `Attempt failed (${f.code}); retrying` : f.status === "CANCELLED" ? "Cancelled" : "Failed",
      ...(final ? { finishedAt: new Date() } : {}),
      ...(f.timings ? { timings: f.timings } : {}),
    },
  });
  if (n.count !== 1) return false;
  if (f.status !== "CANCELLED") {
    await tx.cloudAccount.update({
      where: { id: f.accountId },
      data: {
        ...(f.accountStatus ? { status: f.accountStatus } : {}),
        lastError: f.message,
        lastErrorCode: f.code,
        lastErrorAt: new Date(),
        ...(final ? { lastScanId: f.scanRunId } : {}),
      },
    });
  }
  return true;
}
