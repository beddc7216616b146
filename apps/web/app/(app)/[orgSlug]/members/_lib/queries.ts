"use client";

import { useQuery } from "@tanstack/react-query";
import type { MembersView } from "../../../../../server/members-view";

export const memberKeys = {
  all: (slug: string) => ["orgs", slug, "members"] as const,
};

export function useMembers(slug: string, initialData: MembersView) {
  return useQuery({
    queryKey: memberKeys.all(slug),
    queryFn: async (): Promise<MembersView> => {
      const res = await fetch(`/api/orgs/${slug}/members`);
      if (!res.ok) throw new Error(`Could not load members (${res.status})`);
      return res.json();
    },
    initialData,
  });
}
