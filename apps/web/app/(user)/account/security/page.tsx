import type { Metadata } from "next";
import Link from "next/link";
import { listUserOrganizations } from "@safeguard/core/orgs/list-user-organizations";
import { getUserContext } from "../../../../server/org-context";
import { MfaPanel } from "./_components/mfa-panel";

export const metadata: Metadata = { title: "Security" };

export default async function SecurityPage({ searchParams }: { searchParams: Promise<{ required?: string }> }) {
  const user = await getUserContext("/account/security");
  const { required } = await searchParams;
  const orgs = await listUserOrganizations(user.userId);
  const requiring = orgs.filter((o) => o.requireMfa).map((o) => o.name);
  const back = orgs.find((o) => o.slug === required) ?? orgs[0];
  return (
    <div className="stack">
      <div className="page-header">
        <h1>Security</h1>
        <p className="muted">Signed in as {user.email}.</p>
      </div>
      {required && !user.mfaEnabled && (
        <div className="alert warning">Your organisation requires two-factor authentication. Set it up below to continue.</div>
      )}
      <MfaPanel enabled={user.mfaEnabled} requiredBy={requiring} continueHref={back ? `/${back.slug}/overview` : "/orgs"} />
      {back && <Link href={`/${back.slug}/overview`}>← Back to {back.name}</Link>}
    </div>
  );
}
