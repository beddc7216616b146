import type { Metadata } from "next";
import { ComingSoon } from "../../../../components/coming-soon";
import { requirePermission } from "../../../../server/require-permission";
import { getOrgContext } from "../../../../server/org-context";

export const metadata: Metadata = { title: "Overview" };

// Placeholder: the dashboards feature replaces this page.
export default async function Page({ params }: { params: Promise<{ orgSlug: string }> }) {
  requirePermission(await getOrgContext((await params).orgSlug), "dashboard.read");
  return <ComingSoon title="Overview" description="Compliance score and trends across your accounts." />;
}
