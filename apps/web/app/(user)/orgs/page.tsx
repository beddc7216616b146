import type { Metadata } from "next";
import Link from "next/link";
import { listUserOrganizations } from "@safeguard/core/orgs/list-user-organizations";
import { ROLE_LABELS } from "../../../lib/nav";
import { getUserContext } from "../../../server/org-context";
import { CreateOrgForm } from "./_components/create-org-form";

export const metadata: Metadata = { title: "Organisations" };

export default async function OrgsPage() {
  const user = await getUserContext("/orgs");
  const orgs = await listUserOrganizations(user.userId);
  return (
    <div className="stack">
      <div className="page-header">
        <h1>Your organisations</h1>
        <p className="muted">Switch between organisations, or create a new one that you will own.</p>
      </div>
      <section className="card">
        {orgs.length === 0 ? (
          <p className="muted" style={{ margin: 0 }}>You are not a member of any organisation yet. Create one below, or open an invitation link.</p>
        ) : (
          <table>
            <thead><tr><th>Organisation</th><th>Your role</th></tr></thead>
            <tbody>
              {orgs.map((o) => (
                <tr key={o.slug}><td><Link href={`/${o.slug}/overview`}>{o.name}</Link></td><td>{ROLE_LABELS[o.role]}</td></tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card">
        <h2>Create an organisation</h2>
        <CreateOrgForm />
      </section>
    </div>
  );
}
