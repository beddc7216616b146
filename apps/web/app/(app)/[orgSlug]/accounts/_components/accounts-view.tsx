"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { AccountView } from "../../../../../server/accounts-view";
import { cancelScanAction, scanNowAction } from "../actions";
import { accountKeys, useAccounts } from "../_lib/queries";
import { AddAccountForm } from "./add-account-form";
import { AwsSetup } from "./aws-setup";

const BADGE: Record<string, string> = { ACTIVE: "ok", PENDING: "warn", DISABLED: "" };

function when(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString() : "Never";
}

export function AccountsView({ slug, initial, canManage, canScan }: { slug: string; initial: AccountView[]; canManage: boolean; canScan: boolean }) {
  const { data: accounts } = useAccounts(slug, initial);
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string } | null>(null);
  const [openSetup, setOpenSetup] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: accountKeys.all(slug) });

  async function scan(accountId: string) {
    const result = await scanNowAction(slug, { accountId });
    setMessage(result.ok ? { kind: "success", text: "Scan queued." } : { kind: "error", text: result.error });
    await refresh();
  }
  async function cancel(scanRunId: string) {
    const result = await cancelScanAction(slug, { scanRunId });
    setMessage(result.ok ? { kind: "success", text: result.data.immediate ? "Scan cancelled." : "Stopping the scan…" } : { kind: "error", text: result.error });
    await refresh();
  }

  return (
    <div className="stack">
      {message && <div className={`alert ${message.kind}`} role="status">{message.text}</div>}
      <section className="card" style={{ padding: 0 }}>
        {accounts.length === 0 ? (
          <p className="muted" style={{ padding: 20, margin: 0 }}>No accounts yet.{canManage ? " Add your first AWS account or Azure subscription below." : ""}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead><tr><th>Account</th><th>Status</th><th>Last scan</th><th>Last error</th><th /></tr></thead>
              <tbody>
                {accounts.map((a) => (
                  <tr key={a.id}>
                    <td>
                      <div>{a.name}</div>
                      <div className="muted small mono">{a.provider === "AWS" ? "AWS" : "Azure"} · {a.externalAccountId}</div>
                      {a.provider === "AWS" && a.regions.length > 0 && <div className="muted small">{a.regions.join(", ")}</div>}
                    </td>
                    <td style={{ maxWidth: 340 }}>
                      <span className={`badge ${BADGE[a.status] ?? "bad"}`}>{a.status.replace(/_/g, " ").toLowerCase()}</span>
                      <div className="small muted" style={{ marginTop: 4 }}>{a.statusText}</div>
                      {a.currentScan && <div className="small" style={{ marginTop: 4 }}>Scan {a.currentScan.status.toLowerCase()}{a.currentScan.progressMessage ? `: ${a.currentScan.progressMessage}` : "…"}</div>}
                    </td>
                    <td className="small">{when(a.lastScanAt)}</td>
                    <td className="small" style={{ maxWidth: 260 }}>{a.lastError ? <><div>{a.lastError}</div><div className="muted">{when(a.lastErrorAt)}</div></> : <span className="muted">None</span>}</td>
                    <td>
                      <div className="row" style={{ justifyContent: "flex-end" }}>
                        {canScan && !a.currentScan && <button type="button" className="secondary" onClick={() => scan(a.id)}>Scan now</button>}
                        {canScan && a.currentScan && <button type="button" className="secondary" onClick={() => cancel(a.currentScan!.id)}>Cancel scan</button>}
                        {a.awsSetup && <button type="button" className="link" onClick={() => setOpenSetup(openSetup === a.id ? null : a.id)}>{openSetup === a.id ? "Hide setup" : "Role setup"}</button>}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {accounts.filter((a) => a.id === openSetup && a.awsSetup).map((a) => <AwsSetup key={a.id} name={a.name} setup={a.awsSetup!} />)}
      {canManage && <AddAccountForm slug={slug} onAdded={async (id) => { await refresh(); setOpenSetup(id); }} />}
    </div>
  );
}
