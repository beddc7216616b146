// Creates the QUEUED ScanRun a scan job will carry out. Single flight at the database: the account
// row is locked (FOR UPDATE) so two requests cannot both see "nothing in flight" and both insert.
// (A partial unique index on scan_runs(account_id) WHERE status IN ('QUEUED','RUNNING') would make
// this a constraint; see the pipeline report.)
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
  const locked = await tx.$queryRaw<Array<{ id: string; org_id: string; status: string; last_full_scan_at: Date | null; change_watermark: Date | null }>>`
    SELECT id, org_id, status::text, last_full_scan_at, change_watermark FROM cloud_accounts
    WHERE id = ${accountId}::uuid AND deleted_at IS NULL FOR UPDATE`;
  const account = locked[0];
  if (!account) throw new NotFoundError("Cloud account");
  if (account.status === "DISABLED") throw new ConflictError("This account is disabled; enable it to scan.");
  const inFlight = await tx.scanRun.findFirst({ where: { accountId, status: { in: ["QUEUED", "RUNNING"] } }, select: { id: true } });
  if (inFlight) throw new ScanInFlightError(inFlight.id);
  // An incremental scan needs a complete scan to compare with.
  const effectiveKind: ScanKind = kind === "INCREMENTAL" && (!account.last_full_scan_at || !account.change_watermark) ? "FULL" : kind;
  return tx.scanRun.create({
    data: { orgId: account.org_id, accountId, kind: effectiveKind, trigger, status: "QUEUED", phase: "QUEUED" },
  });
}
