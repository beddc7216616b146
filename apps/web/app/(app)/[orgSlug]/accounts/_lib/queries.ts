"use client";

import { useQuery } from "@tanstack/react-query";
import type { AccountView } from "../../../../../server/accounts-view";

export const accountKeys = {
  all: (slug: string) => ["orgs", slug, "accounts"] as const,
};

/** Polls while a scan is queued or running, so progress shows without a reload. */
export function useAccounts(slug: string, initialData: AccountView[]) {
  return useQuery({
    queryKey: accountKeys.all(slug),
    queryFn: async (): Promise<AccountView[]> => {
      const res = await fetch(`/api/orgs/${slug}/accounts`, { headers: { accept: "application/json" } });
      if (!res.ok) throw new Error(`Could not load accounts (${res.status})`);
      return res.json();
    },
    initialData,
    refetchInterval: (query) => (query.state.data?.some((a) => a.currentScan) ? 5_000 : false),
  });
}
