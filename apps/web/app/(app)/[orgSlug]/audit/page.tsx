import type { Metadata } from "next";
import { findAuditLogs } from "@safeguard/core/audit/find-audit-logs";
import { listAuditActions } from "@safeguard/core/audit/list-audit-actions";
import { withTenant } from "@safeguard/db/tenant";
import { getOrgContext } from "../../../../server/org-context";
import { requirePermission } from "../../../../server/require-permission";
import { AuditLogView } from "./_components/audit-log-view";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const ctx = requirePermission(await getOrgContext((await params).orgSlug), "audit.read");
  const [first, actions] = await withTenant(ctx.orgId, async (tx) => [await findAuditLogs(tx, { page: 1, pageSize: 50 }), await listAuditActions(tx)] as const);
  return (
    <>
      <div className="page-header">
        <h1>Audit log</h1>
        <p className="muted">Every sign-in, membership, setting and account change in this organisation. Entries cannot be edited or deleted.</p>
      </div>
      <AuditLogView slug={ctx.slug} initial={first} actions={actions} />
    </>
  );
}
