// A claimed scan from source to commit: the pipeline and the success bookkeeping in one transaction.
// The worker wraps this with the lease heartbeat, progress writes and error classification.
import { withTenantSql } from "@safeguard/db/tenant";
import type { CloudAccountStatus } from "@safeguard/db/client";
import { finishScanInTransaction } from "./finish-scan";
import { runScanPipeline, type PipelineInput, type PipelineResult } from "./run-scan";
import type { ScanTarget } from "./scan-target";

export interface ExecuteInput {
  scanRunId: string;
  owner: string;
  kind: "FULL" | "INCREMENTAL";
  target: ScanTarget;
  source: PipelineInput["source"];
  checkpoint: PipelineInput["checkpoint"];
  progress: PipelineInput["progress"];
  /** decides an account-level problem from what was collected (e.g. no Config recorder anywhere) */
  accountProblem?: (result: PipelineResult) => { status: CloudAccountStatus; message: string } | null;
}

export async function executeScan(input: ExecuteInput): Promise<{ status: "SUCCEEDED" | "PARTIAL"; result: PipelineResult }> {
  const started = performance.now();
  const t = input.target;
  return withTenantSql(t.orgId, async (sql) => {
    const result = await runScanPipeline(sql, {
      orgId: t.orgId,
      accountId: t.accountId,
      scanRunId: input.scanRunId,
      provider: t.provider,
      externalAccountId: t.externalAccountId,
      kind: input.kind,
      scope: t.scope,
      source: input.source,
      // The first scan is the baseline: its failures are not "drift" to alert on.
      notifyDrift: t.lastScanAt !== null,
      checkpoint: input.checkpoint,
      progress: input.progress,
    });
    const status = await finishScanInTransaction(sql, {
      scanRunId: input.scanRunId,
      accountId: t.accountId,
      owner: input.owner,
      kind: input.kind,
      result,
      totalMs: Math.round(performance.now() - started),
      accountProblem: input.accountProblem?.(result) ?? null,
    });
    return { status, result };
  });
}
