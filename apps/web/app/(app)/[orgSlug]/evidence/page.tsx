import type { Metadata } from "next";
import Link from "next/link";
import { can } from "@safeguard/core/access/permissions";
import { requirePermission } from "../../../../server/require-permission";
import { getOrgContext } from "../../../../server/org-context";

export const metadata: Metadata = { title: "Evidence packs" };

const CONTENTS: Array<[string, string]> = [
  ["Point in time", "Every pack proves the state at one chosen moment: the findings, resources and exceptions as they were then, not as they are when the auditor opens it."],
  ["Cloud results", "Each check verdict with the configuration values that decided it, the resource it applies to, and the HIPAA Security Rule citations it supports."],
  ["Coverage", "Which accounts and regions were scanned, when, and any region Safeguard could not see, so gaps are stated rather than hidden."],
  ["Accepted risk", "Approved exceptions with their justification, approver and expiry."],
  ["Manual controls", "Attestations for the specifications cloud configuration cannot show (risk analysis, training, contingency plans…) with their evidence files."],
  ["Drift history", "What opened, regressed and was resolved over the period."],
  ["Signed", "A manifest listing the SHA-256 of every file, signed by Safeguard, so anyone can check that nothing was added, removed or changed after export."],
];

/** Evidence packs are not built yet: this page says so plainly and describes what they will hold. */
export default async function EvidencePage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const ctx = requirePermission(await getOrgContext((await params).orgSlug), "evidence.build");
  return (
    <div className="stack">
      <div className="page-header">
        <h1>Evidence packs <span className="badge warn" style={{ verticalAlign: "middle" }}>Coming soon</span></h1>
        <p className="muted">A signed, point-in-time export of your HIPAA Security Rule posture to hand to an auditor. Not available yet: nothing on this page is generated today.</p>
      </div>
      <section className="card">
        <h2>What a pack will contain</h2>
        <dl style={{ margin: 0, display: "grid", gridTemplateColumns: "minmax(140px, 180px) 1fr", gap: "10px 20px" }}>
          {CONTENTS.map(([term, text]) => (
            <div key={term} style={{ display: "contents" }}>
              <dt style={{ fontWeight: 600 }}>{term}</dt>
              <dd style={{ margin: 0 }} className="muted">{text}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="card">
        <h2>Until then</h2>
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {can(ctx.role, "findings.export") && <li><Link href={`/${ctx.slug}/findings?status=any`}>Export findings</Link> as CSV or JSON (the current filter, at the time of export; unsigned).</li>}
          <li>The <Link href={`/${ctx.slug}/controls`}>controls</Link> page shows each HIPAA standard with its failing resources.</li>
          {can(ctx.role, "audit.read") && <li>The <Link href={`/${ctx.slug}/audit`}>audit log</Link> records who changed what, and when.</li>}
        </ul>
      </section>
    </div>
  );
}
