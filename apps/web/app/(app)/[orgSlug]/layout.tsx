import type { ReactNode } from "react";
import { navFor, ROLE_LABELS } from "../../../lib/nav";
import { getOrgContext, userOrganizations } from "../../../server/org-context";
import { AppNav } from "./_components/app-nav";
import { OrgSwitcher } from "./_components/org-switcher";
import { UserMenu } from "./_components/user-menu";

export const dynamic = "force-dynamic";

/** The shell of every organisation page: sidebar navigation, organisation switcher, user menu. */
export default async function OrgLayout({ children, params }: { children: ReactNode; params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const ctx = await getOrgContext(orgSlug);
  const orgs = await userOrganizations(ctx.userId);
  return (
    <div className="shell">
      <aside className="sidebar">
        <div className="brand"><span className="brand-mark" aria-hidden /> Safeguard</div>
        <OrgSwitcher current={{ slug: ctx.slug, name: ctx.orgName }} orgs={orgs.map((o) => ({ slug: o.slug, name: o.name, role: ROLE_LABELS[o.role] }))} />
        <AppNav items={navFor(ctx.slug, ctx.role)} />
      </aside>
      <div className="main">
        <header className="topbar">
          <div className="muted small">{ctx.orgName} · {ROLE_LABELS[ctx.role]}</div>
          <UserMenu name={ctx.name} email={ctx.email} mfaEnabled={ctx.mfaEnabled} />
        </header>
        <main className="content">{children}</main>
      </div>
    </div>
  );
}
