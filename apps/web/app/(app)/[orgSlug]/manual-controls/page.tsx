import type { Metadata } from "next";
import { can } from "@safeguard/core/access/permissions";
import { listManualControls } from "@safeguard/core/manual-controls/list-manual-controls";
import { MANUAL_SCORE_RULE } from "@safeguard/core/manual-controls/manual-control-state";
import { listMembers } from "@safeguard/core/members/list-members";
import { readerOfTx, withTenant } from "@safeguard/db/tenant";
import { getOrgContext } from "../../../../server/org-context";
import { requirePermission } from "../../../../server/require-permission";
import { toWire } from "../findings/_lib/wire";
import { ManualControlCard } from "./_components/manual-control-card";

export const metadata: Metadata = { title: "Manual controls" };

const SAFEGUARDS = ["administrative", "physical", "technical", "organizational", "documentation"];

export default async function ManualControlsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const ctx = requirePermission(await getOrgContext((await params).orgSlug), "dashboard.read");
  const canManage = can(ctx.role, "manual-controls.manage");
  const [controls, members] = await withTenant(ctx.orgId, async (tx) => [await listManualControls({ db: readerOfTx(tx) }), canManage ? await listMembers(tx) : []] as const);
  const rows = toWire(controls);
  const current = rows.filter((c) => c.state === "current").length;
  return (
    <div className="stack">
      <div className="page-header">
        <h1>Manual controls</h1>
        <p className="muted">
          HIPAA specifications cloud configuration cannot show (risk analysis, sanctions, training, contingency plans, BAAs…).
          Each needs an owner and a periodic attestation with evidence. {current} of {rows.length} are current.
        </p>
        <p className="small muted">{MANUAL_SCORE_RULE} Overdue and never-attested controls also appear in alerts and evidence packs.</p>
      </div>
      {SAFEGUARDS.map((s) => {
        const group = rows.filter((c) => c.safeguard === s);
        if (group.length === 0) return null;
        return (
          <section key={s} className="stack">
            <h2 style={{ textTransform: "capitalize" }}>{s} safeguards</h2>
            {group.map((c) => (
              <ManualControlCard key={c.citation} slug={ctx.slug} control={c} canManage={canManage} canDownload={can(ctx.role, "evidence.download")}
                members={members.map((m) => ({ userId: m.userId, name: m.name, email: m.email }))} />
            ))}
          </section>
        );
      })}
    </div>
  );
}
