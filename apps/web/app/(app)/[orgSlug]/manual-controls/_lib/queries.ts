import { useQuery } from "@tanstack/react-query";
import { getJson } from "../../findings/_lib/queries";
import type { Attestation } from "./types";

export const manualKeys = {
  all: (slug: string) => ["orgs", slug, "manual-controls"] as const,
  attestations: (slug: string, citation: string) => [...manualKeys.all(slug), "attestations", citation] as const,
};

export function useAttestations(slug: string, citation: string, enabled: boolean) {
  return useQuery({
    queryKey: manualKeys.attestations(slug, citation),
    queryFn: () => getJson<Attestation[]>(`/api/orgs/${encodeURIComponent(slug)}/manual-controls/attestations?citation=${encodeURIComponent(citation)}`),
    enabled,
  });
}

/** Uploads one evidence file; resolves to its id, or rejects with the server's reason. */
export async function uploadEvidence(slug: string, file: File): Promise<{ id: string; fileName: string }> {
  const form = new FormData();
  form.set("file", file);
  const res = await fetch(`/api/orgs/${encodeURIComponent(slug)}/manual-controls/files`, { method: "POST", body: form });
  const body = (await res.json().catch(() => null)) as { id?: string; fileName?: string; error?: string } | null;
  if (!res.ok || !body?.id) throw new Error(`${file.name}: ${body?.error ?? `upload failed (${res.status})`}`);
  return { id: body.id, fileName: body.fileName ?? file.name };
}
