import type { Metadata } from "next";
import { can } from "@safeguard/core/access/permissions";
import { withTenant } from "@safeguard/db/tenant";
import { membersForView } from "../../../../server/members-view";
import { getOrgContext } from "../../../../server/org-context";
import { requirePermission } from "../../../../server/require-permission";
import { MembersPanel } from "./_components/members-panel";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const ctx = requirePermission(await getOrgContext((await params).orgSlug), "members.read");
  const manage = can(ctx.role, "members.manage");
  const view = await withTenant(ctx.orgId, (tx) => membersForView(tx, manage));
  return (
    <>
      <div className="page-header">
        <h1>Members</h1>
        <p className="muted">Who can see this organisation, and what each role may do.</p>
      </div>
      <MembersPanel slug={ctx.slug} initial={view} canManage={manage} myUserId={ctx.userId} myRole={ctx.role} />
    </>
  );
}
