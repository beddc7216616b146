import type { OrgTx } from "@safeguard/db/tenant";

/** Distinct action names present in the organisation's log, for the filter's drop-down. */
export async function listAuditActions(tx: OrgTx): Promise<string[]> {
  const rows = await tx.auditLog.groupBy({ by: ["action"], orderBy: { action: "asc" } });
  return rows.map((r) => r.action);
}
