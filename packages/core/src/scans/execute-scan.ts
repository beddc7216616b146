// A claimed scan from source to commit: the pipeline and the success bookkeeping in one transaction.
// The worker wraps this with the lease heartbeat, progress writes and error classification.
import { withTenantSql } from "@safeguard/db/tenant";
import type { CloudAccountStatus } from "@safeguard/db/client";
import { finishScanInTransaction } from "./finish-scan";
import { runScanPipeline, type PipelineInput, type PipelineResult } from "./run-scan";
import { movesStatistics, refreshScanStatistics } from "./scan-statistics";
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

export interface ExecuteOutput {
  status: "SUCCEEDED" | "PARTIAL";
  result: PipelineResult;
  /** after a scan that moved a large share of the account: the statistics refresh, or why it failed */
  statistics?: { ms: number } | { error: string };
}

export async function executeScan(input: ExecuteInput): Promise<ExecuteOutput> {
  const started = performance.now();
  const t = input.target;
  const out: ExecuteOutput = await withTenantSql(t.orgId, async (sql) => {
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
  if (!movesStatistics(out.result)) return out;
  // After the commit, outside the scan's transaction: the scan stands whether or not this works.
  try {
    return { ...out, statistics: { ms: await refreshScanStatistics(t.orgId) } };
  } catch (error) {
    return { ...out, statistics: { error: (error as Error).message } };
  }
}
