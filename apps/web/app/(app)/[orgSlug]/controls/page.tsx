import type { Metadata } from "next";
import { ComingSoon } from "../../../../components/coming-soon";
import { requirePermission } from "../../../../server/require-permission";
import { getOrgContext } from "../../../../server/org-context";

export const metadata: Metadata = { title: "Controls" };

// Placeholder: the dashboards feature replaces this page.
export default async function Page({ params }: { params: Promise<{ orgSlug: string }> }) {
  requirePermission(await getOrgContext((await params).orgSlug), "dashboard.read");
  return <ComingSoon title="Controls" description="HIPAA Security Rule safeguards and how each is met." />;
}
