import type { Metadata } from "next";
import Link from "next/link";
import { can } from "@safeguard/core/access/permissions";
import { exceptionListSchema } from "@safeguard/core/exceptions/exception-input";
import { findExceptions } from "@safeguard/core/exceptions/find-exceptions";
import { withTenant } from "@safeguard/db/tenant";
import { getOrgContext } from "../../../../server/org-context";
import { requirePermission } from "../../../../server/require-permission";
import { EmptyState } from "../findings/_components/badges";
import { toWire } from "../findings/_lib/wire";
import { ExceptionsTable } from "./_components/exceptions-table";
import { RequestExceptionForm } from "./_components/request-exception-form";

export const metadata: Metadata = { title: "Exceptions" };

const TABS = [["", "All"], ["PENDING", "Pending"], ["APPROVED", "Approved"], ["EXPIRED", "Expired"], ["REJECTED", "Rejected"], ["REVOKED", "Revoked"]] as const;

export default async function ExceptionsPage({ params, searchParams }: { params: Promise<{ orgSlug: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const ctx = requirePermission(await getOrgContext((await params).orgSlug), "dashboard.read");
  const parsed = exceptionListSchema.safeParse({ status: (await searchParams).status });
  const status = parsed.success ? parsed.data.status : undefined;
  const rows = toWire(await withTenant(ctx.orgId, (tx) => findExceptions({ tx, status })));
  const canDecide = can(ctx.role, "exceptions.decide");
  return (
    <div className="stack">
      <div className="page-header">
        <h1>Exceptions</h1>
        <p className="muted">
          Accepted risk: an approved, unexpired exception takes its findings out of the score (they stay visible, marked).
          Requests need a security officer other than the requester; every step is in the audit log; expired exceptions lapse on their own.
        </p>
      </div>
      <nav className="row" aria-label="Status">
        {TABS.map(([value, label]) => (
          <Link key={value} className={`button ${status === value || (!status && !value) ? "" : "secondary"}`} href={value ? `?status=${value}` : "?"}>{label}</Link>
        ))}
      </nav>
      {rows.length === 0 ? (
        <EmptyState title={status ? `No ${status.toLowerCase()} exceptions` : "No exceptions yet"}>
          {can(ctx.role, "exceptions.request") ? (
            <>Request one from a failing finding (<Link href={`/${ctx.slug}/findings`}>open findings</Link>), or below for every resource carrying a tag.</>
          ) : (
            <>A security officer, admin or owner can request one from a failing finding; approved exceptions will be listed here.</>
          )}
        </EmptyState>
      ) : (
        <ExceptionsTable slug={ctx.slug} rows={rows} userId={ctx.userId} canDecide={canDecide} />
      )}
      {can(ctx.role, "exceptions.request") && (
        <section className="card">
          <h2>Request an exception for a tag</h2>
          <RequestExceptionForm slug={ctx.slug} scopes={["TAG"]} />
        </section>
      )}
    </div>
  );
}
