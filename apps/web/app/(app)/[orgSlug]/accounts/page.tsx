import type { Metadata } from "next";
import { can } from "@safeguard/core/access/permissions";
import { withTenant } from "@safeguard/db/tenant";
import { accountsForView } from "../../../../server/accounts-view";
import { getOrgContext } from "../../../../server/org-context";
import { requirePermission } from "../../../../server/require-permission";
import { AccountsView } from "./_components/accounts-view";

export const metadata: Metadata = { title: "Accounts" };

export default async function AccountsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const ctx = requirePermission(await getOrgContext((await params).orgSlug), "dashboard.read");
  const accounts = await withTenant(ctx.orgId, (tx) => accountsForView(tx, ctx));
  return (
    <>
      <div className="page-header">
        <h1>Cloud accounts</h1>
        <p className="muted">The AWS accounts and Azure subscriptions Safeguard monitors, and how their scans are going.</p>
      </div>
      <AccountsView slug={ctx.slug} initial={accounts} canManage={can(ctx.role, "accounts.manage")} canScan={can(ctx.role, "scans.run")} />
    </>
  );
}
