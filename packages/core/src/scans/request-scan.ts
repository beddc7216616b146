// Creates the QUEUED ScanRun a scan job will carry out. Single flight is a database constraint: the
// partial unique index scan_runs_one_in_flight (account_id WHERE status IN ('QUEUED','RUNNING'))
// admits one in-flight run per account. The insert names it as its ON CONFLICT arbiter, so a second
// request waits for a concurrent first one to commit, then inserts nothing (no unique-violation error,
// which would abort the caller's transaction) and is answered with ScanInFlightError(the holder's id).
// The account row is read without a lock: a FOR UPDATE would queue "scan now" behind any long
// transaction touching the account and adds nothing the constraint does not already guarantee.
import type { OrgTx } from "@safeguard/db/tenant";
import type { ScanKind, ScanTrigger } from "@safeguard/db/client";
import { ConflictError, NotFoundError } from "../errors";

export class ScanInFlightError extends ConflictError {
  constructor(readonly scanRunId: string) {
    super("A scan of this account is already queued or running.");
    this.name = "ScanInFlightError";
  }
}

export async function requestScan({ tx, accountId, kind, trigger }: { tx: OrgTx; accountId: string; kind: ScanKind; trigger: ScanTrigger }) {
  const account = await tx.cloudAccount.findFirst({
    where: { id: accountId, deletedAt: null },
    select: { orgId: true, status: true, lastFullScanAt: true, changeWatermark: true },
  });
  if (!account) throw new NotFoundError("Cloud account");
  if (account.status === "DISABLED") throw new ConflictError("This account is disabled; enable it to scan.");
  // An incremental scan needs a complete scan to compare with.
  const effectiveKind: ScanKind = kind === "INCREMENTAL" && (!account.lastFullScanAt || !account.changeWatermark) ? "FULL" : kind;
  // Two rounds: if the holder finished between our insert and the read below, the slot is free again.
  let holder: string | null = null;
  for (let round = 0; round < 2; round++) {
    const inserted = await tx.$queryRaw<Array<{ id: string }>>`
      INSERT INTO scan_runs (org_id, account_id, kind, trigger, status, phase)
      VALUES (${account.orgId}::uuid, ${accountId}::uuid, ${effectiveKind}::"ScanKind", ${trigger}::"ScanTrigger", 'QUEUED', 'QUEUED')
      ON CONFLICT (account_id) WHERE status IN ('QUEUED', 'RUNNING') DO NOTHING
      RETURNING id::text`;
    if (inserted[0]) return tx.scanRun.findUniqueOrThrow({ where: { id: inserted[0].id } });
    holder = (await tx.scanRun.findFirst({ where: { accountId, status: { in: ["QUEUED", "RUNNING"] } }, select: { id: true } }))?.id ?? null;
    if (holder) break;
  }
  throw new ScanInFlightError(holder ?? "");
}
