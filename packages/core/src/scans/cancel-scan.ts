// "Cancel" from the web. A queued scan is cancelled at once; a running one is asked to stop and does
// so between pages, rolling back its transaction so the last committed state stays as it was.
import type { OrgTx } from "@safeguard/db/tenant";
import { ConflictError, NotFoundError } from "../errors";

export async function cancelScan({ tx, scanRunId }: { tx: OrgTx; scanRunId: string }) {
  const run = await tx.scanRun.findUnique({ where: { id: scanRunId }, select: { id: true, status: true } });
  if (!run) throw new NotFoundError("Scan");
  if (run.status === "QUEUED") {
    const n = await tx.scanRun.updateMany({
      where: { id: scanRunId, status: "QUEUED" },
      data: { status: "CANCELLED", phase: "DONE", cancelRequestedAt: new Date(), finishedAt: new Date(), progressMessage: "Cancelled before it started" },
    });
    if (n.count === 1) return { cancelled: true as const, immediate: true };
  }
  const n = await tx.scanRun.updateMany({ where: { id: scanRunId, status: "RUNNING" }, data: { cancelRequestedAt: new Date() } });
  if (n.count === 1) return { cancelled: true as const, immediate: false };
  throw new ConflictError("This scan has already finished.");
}
