// The attestation history of one manual control, newest first, with the evidence files named.
import type { OrgTx } from "@safeguard/db/tenant";

export interface AttestationItem {
  id: string;
  statement: string;
  attestedAt: Date;
  attestedBy: string | null;
  files: Array<{ id: string; fileName: string; sizeBytes: number; sha256: string }>;
}

export async function findAttestations({ tx, citation, limit = 20 }: { tx: OrgTx; citation: string; limit?: number }): Promise<AttestationItem[]> {
  const control = await tx.manualControl.findFirst({ where: { citation }, select: { id: true } });
  if (!control) return [];
  const rows = await tx.manualControlAttestation.findMany({ where: { manualControlId: control.id }, orderBy: { attestedAt: "desc" }, take: limit });
  const fileIds = [...new Set(rows.flatMap((r) => r.evidenceFileIds))];
  const files = fileIds.length ? await tx.storedFile.findMany({ where: { id: { in: fileIds } }, select: { id: true, fileName: true, sizeBytes: true, sha256: true } }) : [];
  const byId = new Map(files.map((f) => [f.id, f]));
  const people = await tx.membership.findMany({ where: { userId: { in: [...new Set(rows.map((r) => r.attestedById))] } }, select: { user: { select: { id: true, name: true } } } });
  const names = new Map(people.map((p) => [p.user.id, p.user.name]));
  return rows.map((r) => ({
    id: r.id,
    statement: r.statement,
    attestedAt: r.attestedAt,
    attestedBy: names.get(r.attestedById) ?? null,
    files: r.evidenceFileIds.flatMap((id) => (byId.get(id) ? [byId.get(id)!] : [])),
  }));
}
