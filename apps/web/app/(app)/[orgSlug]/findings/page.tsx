import type { Metadata } from "next";
import { ComingSoon } from "../../../../components/coming-soon";
import { requirePermission } from "../../../../server/require-permission";
import { getOrgContext } from "../../../../server/org-context";

export const metadata: Metadata = { title: "Findings" };

// Placeholder: the dashboards feature replaces this page.
export default async function Page({ params }: { params: Promise<{ orgSlug: string }> }) {
  requirePermission(await getOrgContext((await params).orgSlug), "dashboard.read");
  return <ComingSoon title="Findings" description="Every failing check, by severity, account and resource." />;
}
