import type { Metadata } from "next";
import Link from "next/link";
import { getOverview } from "@safeguard/core/dashboard/get-overview";
import { withTenant, withTenantReader } from "@safeguard/db/tenant";
import { accountsForView } from "../../../../server/accounts-view";
import { getOrgContext } from "../../../../server/org-context";
import { requirePermission } from "../../../../server/require-permission";
import { toWire } from "../findings/_lib/wire";
import { FirstScanStatus } from "./_components/first-scan-status";
import { AccountProblems, AccountScores, DriftList, UncoveredServices } from "./_components/overview-lists";
import { PostureBars } from "./_components/posture-bars";
import { ScoreKpis } from "./_components/score-kpis";
import { TrendChart } from "./_components/trend-chart";
import styles from "./overview.module.css";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const ctx = requirePermission(await getOrgContext((await params).orgSlug), "dashboard.read");
  const o = toWire(await withTenantReader(ctx.orgId, (db) => getOverview({ db, trendDays: 30 })));

  if (!o.hasAccounts) {
    return (
      <>
        <div className="page-header"><h1>Overview</h1></div>
        <section className={`card ${styles.onboard}`}>
          <h2>Connect your first cloud account</h2>
          <p className="muted">Safeguard reads your AWS accounts and Azure subscriptions (read-only) and checks them against the HIPAA Security Rule.</p>
          <ol>
            <li>Add an AWS account (a read-only IAM role) or an Azure subscription (a Reader service principal).</li>
            <li>The first scan starts at once and takes a few minutes.</li>
            <li>Your score, failing checks and drift appear here.</li>
          </ol>
          <div><Link className="button" href={`/${ctx.slug}/accounts`}>Connect an account</Link></div>
          <p className="small muted" style={{ marginTop: 16 }}>
            Meanwhile, the <Link href={`/${ctx.slug}/manual-controls`}>manual controls</Link> (risk analysis, training, contingency plans…) can be set up without any cloud account.
          </p>
        </section>
      </>
    );
  }

  const findings = (filter: string) => `/${ctx.slug}/findings?status=open&${filter}`;
  if (!o.hasFindings) {
    const accounts = await withTenant(ctx.orgId, (tx) => accountsForView(tx, ctx));
    return (
      <div className="stack">
        <div className="page-header">
          <h1>Overview</h1>
          <p className="muted">Where {ctx.orgName} stands against the HIPAA Security Rule, across {o.accounts.length} connected account{o.accounts.length === 1 ? "" : "s"}.</p>
        </div>
        <FirstScanStatus slug={ctx.slug} initial={accounts} />
      </div>
    );
  }

  const bar = (label: string, t: { pass: number; fail: number; error: number; score: number | null }, href?: string, note?: string) =>
    ({ label, pass: t.pass, fail: t.fail, error: t.error, score: t.score, href, note });
  return (
    <div className="stack">
      <div className="page-header">
        <h1>Overview</h1>
        <p className="muted">Where {ctx.orgName} stands against the HIPAA Security Rule, across {o.accounts.length} connected account{o.accounts.length === 1 ? "" : "s"}.</p>
      </div>
      <ScoreKpis o={o} slug={ctx.slug} />
      <TrendChart slug={ctx.slug} initialDays={o.trendDays} initial={o.trend} />
      <div className="grid-2">
        {/* Every safeguard is listed; one without cloud checks says so rather than vanishing. */}
        <PostureBars
          title="By safeguard (45 CFR)"
          rows={o.cloud.bySection.map((s) =>
            bar(`${s.section} ${s.title}`, s, findings(`citation=${s.section}`), s.pass + s.fail + s.error === 0 ? "no cloud checks: see manual controls" : undefined),
          )}
        />
        <PostureBars title="By severity" rows={o.cloud.bySeverity.map((s) => bar(s.severity.charAt(0) + s.severity.slice(1).toLowerCase(), s, findings(`severity=${s.severity}`)))} />
      </div>
      <PostureBars title="By HIPAA standard" rows={o.cloud.byStandard.map((s) => bar(`${s.citation} ${s.title}`, s, findings(`citation=${encodeURIComponent(s.citation)}`)))} />
      <div className="grid-2">
        <AccountScores o={o} slug={ctx.slug} />
        <DriftList o={o} slug={ctx.slug} />
      </div>
      <div className="grid-2">
        <AccountProblems o={o} slug={ctx.slug} />
        <UncoveredServices o={o} slug={ctx.slug} />
      </div>
    </div>
  );
}
