import type { Metadata } from "next";
import { getOrgSettings } from "@safeguard/core/settings/get-org-settings";
import { withTenant } from "@safeguard/db/tenant";
import { getOrgContext } from "../../../../server/org-context";
import { requirePermission } from "../../../../server/require-permission";
import { SettingsForm } from "./_components/settings-form";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const ctx = requirePermission(await getOrgContext((await params).orgSlug), "settings.manage");
  const { slug: _slug, ...settings } = await withTenant(ctx.orgId, (tx) => getOrgSettings(tx, ctx.orgId));
  return (
    <>
      <div className="page-header">
        <h1>Settings</h1>
        <p className="muted">Scope, sign-in policy and scan cadence for {ctx.orgName}.</p>
      </div>
      <SettingsForm slug={ctx.slug} initial={settings} />
    </>
  );
}
