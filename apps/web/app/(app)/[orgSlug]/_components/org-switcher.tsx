"use client";

import Link from "next/link";

export function OrgSwitcher({ current, orgs }: { current: { slug: string; name: string }; orgs: Array<{ slug: string; name: string; role: string }> }) {
  return (
    <details className="menu left">
      <summary aria-label="Switch organisation">
        <span style={{ flex: 1, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" }}>{current.name}</span>
        <span aria-hidden>▾</span>
      </summary>
      <div className="menu-panel">
        {orgs.map((o) => (
          <Link key={o.slug} href={`/${o.slug}/overview`} aria-current={o.slug === current.slug ? "true" : undefined}>
            <span style={{ flex: 1 }}>{o.name}</span>
            <span className="muted small">{o.role}</span>
          </Link>
        ))}
        <hr />
        <Link href="/orgs">Create an organisation…</Link>
      </div>
    </details>
  );
}
