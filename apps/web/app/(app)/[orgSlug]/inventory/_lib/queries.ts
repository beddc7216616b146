import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getJson } from "../../findings/_lib/queries";
import type { ResourcePageData, ResourceQuery } from "./types";

export const resourceKeys = {
  all: (slug: string) => ["orgs", slug, "resources"] as const,
  list: (slug: string, query: ResourceQuery) => [...resourceKeys.all(slug), "list", query] as const,
};

export function toSearch(query: ResourceQuery): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v) p.set(k, v);
  return p.toString();
}

export function useResources(slug: string, query: ResourceQuery, initial?: ResourcePageData) {
  return useQuery({
    queryKey: resourceKeys.list(slug, query),
    queryFn: () => getJson<ResourcePageData>(`/api/orgs/${encodeURIComponent(slug)}/resources?${toSearch(query)}`),
    initialData: initial,
    placeholderData: keepPreviousData,
  });
}
