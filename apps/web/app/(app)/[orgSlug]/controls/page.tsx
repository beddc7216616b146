import type { Metadata } from "next";
import { getControlsTree } from "@safeguard/core/controls-tree/get-controls-tree";
import { withTenantReader } from "@safeguard/db/tenant";
import { getOrgContext } from "../../../../server/org-context";
import { requirePermission } from "../../../../server/require-permission";
import { toWire } from "../findings/_lib/wire";
import { ControlsTree } from "./_components/controls-tree";

export const metadata: Metadata = { title: "Controls" };

export default async function ControlsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const ctx = requirePermission(await getOrgContext((await params).orgSlug), "dashboard.read");
  const sections = toWire(await withTenantReader(ctx.orgId, (db) => getControlsTree({ db })));
  const evaluated = sections.some((s) => s.pass + s.fail > 0);
  return (
    <>
      <div className="page-header">
        <h1>Controls</h1>
        <p className="muted">
          The HIPAA Security Rule (45 CFR 164.308–316): each standard and implementation specification, the cloud checks that give evidence for it,
          and the manual controls that only people can attest to. Counts are in-scope, not accepted-risk findings.
        </p>
      </div>
      {!evaluated && <div className="alert info">No cloud results yet: the tree shows which checks will apply once an account is scanned.</div>}
      <ControlsTree slug={ctx.slug} sections={sections} />
    </>
  );
}
