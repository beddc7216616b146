"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { useAccounts } from "../../accounts/_lib/queries";
import type { AccountView } from "../../accounts/_lib/types";
import { ScanProgress } from "../../accounts/_components/scan-progress";

/** Accounts connected, nothing evaluated yet: show the first scan moving (polled) instead of empty charts. */
export function FirstScanStatus({ slug, initial }: { slug: string; initial: AccountView[] }) {
  const { data: accounts } = useAccounts(slug, initial);
  const scanning = accounts.filter((a) => a.currentScan);
  const router = useRouter();
  const wasScanning = useRef(scanning.length > 0);
  // When the last running scan finishes, reload the server page: it now has results to chart.
  useEffect(() => {
    if (wasScanning.current && scanning.length === 0) router.refresh();
    wasScanning.current = scanning.length > 0;
  }, [scanning.length, router]);
  const blocked = accounts.filter((a) => !a.currentScan && !["ACTIVE", "PENDING", "DISABLED"].includes(a.status));
  return (
    <section className="card stack">
      <div>
        <h2 style={{ marginBottom: 4 }}>{scanning.length ? "First scan running" : "Waiting for the first results"}</h2>
        <p className="muted" style={{ margin: 0 }}>
          Your score, failing checks and drift appear here as soon as a scan completes. {scanning.length ? "This page updates by itself." : ""}
        </p>
      </div>
      {scanning.map((a) => (
        <div key={a.id}>
          <div className="small" style={{ marginBottom: 4 }}><strong>{a.name}</strong> <span className="muted mono">{a.externalAccountId}</span></div>
          <ScanProgress scan={a.currentScan!} canCancel={false} cancelling={false} onCancel={() => undefined} />
        </div>
      ))}
      {blocked.map((a) => (
        <div key={a.id} className="alert error small" style={{ margin: 0 }}>
          <strong>{a.name} cannot be scanned.</strong> {a.lastError ?? a.statusText}
        </div>
      ))}
      {scanning.length === 0 && blocked.length === 0 && (
        <p className="small muted" style={{ margin: 0 }}>No scan is running. Start one from <Link href={`/${slug}/accounts`}>Accounts</Link>.</p>
      )}
    </section>
  );
}
