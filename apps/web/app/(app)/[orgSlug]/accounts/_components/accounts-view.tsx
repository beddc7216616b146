"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { cancelScanAction, scanNowAction } from "../actions";
import { accountKeys, useAccounts } from "../_lib/queries";
import type { AccountView } from "../_lib/types";
import { AccountCard } from "./account-card";
import { AddAccountForm } from "./add-account-form";
import { AwsSetup } from "./aws-setup";

export function AccountsView({ slug, initial, canManage, canScan }: { slug: string; initial: AccountView[]; canManage: boolean; canScan: boolean }) {
  const { data: accounts } = useAccounts(slug, initial);
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string } | null>(null);
  const [openSetup, setOpenSetup] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: accountKeys.all(slug) });

  async function scan(accountId: string) {
    setBusy(accountId);
    const result = await scanNowAction(slug, { accountId });
    setMessage(result.ok ? { kind: "success", text: "Scan queued. Progress shows on the account below." } : { kind: "error", text: result.error });
    await refresh();
    setBusy(null);
  }
  async function cancel(accountId: string, scanRunId: string) {
    setBusy(accountId);
    const result = await cancelScanAction(slug, { scanRunId });
    setMessage(
      result.ok
        ? { kind: "success", text: result.data.immediate ? "Scan cancelled." : "Stopping the scan: results already saved are kept, the unfinished part is rolled back." }
        : { kind: "error", text: result.error },
    );
    await refresh();
    setBusy(null);
  }

  return (
    <div className="stack">
      {message && <div className={`alert ${message.kind}`} role="status">{message.text}</div>}
      {accounts.length === 0 ? (
        <section className="card" style={{ textAlign: "center", padding: "32px 20px" }}>
          <h2>No cloud accounts yet</h2>
          <p className="muted" style={{ maxWidth: 560, margin: "0 auto" }}>
            {canManage
              ? "Connect an AWS account (through a read-only IAM role) or an Azure subscription (through a reader app registration) below. The first scan starts as soon as the connection works."
              : "An owner or admin connects AWS accounts and Azure subscriptions. Ask one to add yours."}
          </p>
        </section>
      ) : (
        accounts.map((a) => (
          <AccountCard
            key={a.id}
            slug={slug}
            account={a}
            canScan={canScan}
            busy={busy === a.id}
            setupOpen={openSetup === a.id}
            onToggleSetup={() => setOpenSetup(openSetup === a.id ? null : a.id)}
            onScan={() => scan(a.id)}
            onCancel={(scanRunId) => cancel(a.id, scanRunId)}
          >
            {openSetup === a.id && a.awsSetup && <AwsSetup name={a.name} setup={a.awsSetup} />}
          </AccountCard>
        ))
      )}
      {canManage && <AddAccountForm slug={slug} onAdded={async (id) => { await refresh(); setOpenSetup(id); }} />}
    </div>
  );
}
