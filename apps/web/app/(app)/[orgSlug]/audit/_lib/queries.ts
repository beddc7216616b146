"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { AuditLogPage } from "@safeguard/core/audit/find-audit-logs";

export type { AuditLogPage };

export interface AuditFilters {
  action: string;
  actor: string;
  from: string;
  to: string;
  page: number;
}

export const auditKeys = {
  all: (slug: string) => ["orgs", slug, "audit"] as const,
  page: (slug: string, filters: AuditFilters) => [...auditKeys.all(slug), filters] as const,
};

export function toSearchParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value !== "" && value != null) params.set(key, String(value));
  return params;
}

export function useAuditLog(slug: string, filters: AuditFilters, initialData?: AuditLogPage) {
  return useQuery({
    queryKey: auditKeys.page(slug, filters),
    queryFn: async (): Promise<AuditLogPage> => {
      const res = await fetch(`/api/orgs/${slug}/audit?${toSearchParams(filters).toString()}`);
      const body = await res.json();
      if (!res.ok) throw new Error(body?.issues?.[0]?.message ?? body?.error ?? `Could not load the audit log (${res.status})`);
      return body;
    },
    initialData,
    placeholderData: keepPreviousData,
  });
}
