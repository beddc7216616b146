import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getJson } from "../../findings/_lib/queries";
import type { TrendData } from "./types";

export const overviewKeys = {
  all: (slug: string) => ["orgs", slug, "overview"] as const,
  trend: (slug: string, days: number) => [...overviewKeys.all(slug), "trend", days] as const,
};

export function useTrend(slug: string, days: number, initial?: { days: number; data: TrendData }) {
  return useQuery({
    queryKey: overviewKeys.trend(slug, days),
    queryFn: () => getJson<TrendData>(`/api/orgs/${encodeURIComponent(slug)}/overview/trend?days=${days}`),
    initialData: initial && initial.days === days ? initial.data : undefined,
    placeholderData: keepPreviousData,
  });
}
