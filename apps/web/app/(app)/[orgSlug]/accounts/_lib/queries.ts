"use client";

import { useQuery } from "@tanstack/react-query";
import type { AccountView, ScanRun } from "./types";

export const accountKeys = {
  all: (slug: string) => ["orgs", slug, "accounts"] as const,
  history: (slug: string, accountId: string) => ["orgs", slug, "accounts", accountId, "scans"] as const,
};

async function getJson<T>(url: string, what: string): Promise<T> {
  const res = await fetch(url, { headers: { accept: "application/json" } });
  if (!res.ok) throw new Error(`Could not load ${what} (${res.status})`);
  return res.json() as Promise<T>;
}

/** Polls every 2 s while any scan is queued or running, so progress moves without a reload; stops when all are done. */
export function useAccounts(slug: string, initialData: AccountView[]) {
  return useQuery({
    queryKey: accountKeys.all(slug),
    queryFn: () => getJson<AccountView[]>(`/api/orgs/${slug}/accounts`, "accounts"),
    initialData,
    refetchInterval: (query) => (query.state.data?.some((a) => a.currentScan) ? 2_000 : false),
  });
}

/** The account's last 10 scans, loaded when the history is opened; refreshed while a scan runs. */
export function useScanHistory(slug: string, accountId: string, live: boolean) {
  return useQuery({
    queryKey: accountKeys.history(slug, accountId),
    queryFn: () => getJson<ScanRun[]>(`/api/orgs/${slug}/accounts/${accountId}/scans`, "scan history"),
    refetchInterval: live ? 5_000 : false,
  });
}
