// React Query keys and hooks for the findings explorer, over /api/orgs/:slug/findings.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { FindingDetailData, FindingPageData, FindingQuery } from "./types";

export const findingKeys = {
  all: (slug: string) => ["orgs", slug, "findings"] as const,
  list: (slug: string, query: FindingQuery) => [...findingKeys.all(slug), "list", query] as const,
  detail: (slug: string, id: string) => [...findingKeys.all(slug), "detail", id] as const,
};

export function toSearch(query: FindingQuery): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== "") p.set(k, v);
  return p.toString();
}

export async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { accept: "application/json" } });
  const body = (await res.json().catch(() => null)) as { error?: string; issues?: Array<{ field: string; message: string }> } | null;
  if (!res.ok) {
    const detail = body?.issues?.map((i) => `${i.field}: ${i.message}`).join("; ");
    throw new Error(detail || body?.error || `Request failed (${res.status})`);
  }
  return body as T;
}

export function useFindings(slug: string, query: FindingQuery, initial?: FindingPageData) {
  return useQuery({
    queryKey: findingKeys.list(slug, query),
    queryFn: () => getJson<FindingPageData>(`/api/orgs/${encodeURIComponent(slug)}/findings?${toSearch(query)}`),
    initialData: initial,
    placeholderData: keepPreviousData,
  });
}

export function useFinding(slug: string, id: string, initial?: FindingDetailData) {
  return useQuery({
    queryKey: findingKeys.detail(slug, id),
    queryFn: () => getJson<FindingDetailData>(`/api/orgs/${encodeURIComponent(slug)}/findings/${encodeURIComponent(id)}`),
    initialData: initial,
  });
}
