// Accepts an uploaded evidence file: size-limited, type-checked by its bytes, stored by content hash.
import type { OrgTx } from "@safeguard/db/tenant";
import { recordAuditEvent } from "../audit/record-audit-event";
import { ValidationError } from "../errors";
import type { Actor } from "../exceptions/exception-input";
import { putContent } from "./file-store";
import { EVIDENCE_PURPOSE, MANUAL_AUDIT, MAX_EVIDENCE_BYTES } from "./manual-control-input";
import { sniffFileType } from "./sniff-file-type";

export interface StoredEvidence {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

/** Keeps a display name safe for headers and listings: no paths, no control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, "").trim().slice(0, 200);
  return cleaned || "evidence";
}

export async function storeEvidenceFile({ tx, orgId, actor, fileName, bytes, root }: { tx: OrgTx; orgId: string; actor: Actor; fileName: string; bytes: Uint8Array; root?: string }): Promise<StoredEvidence> {
  if (bytes.byteLength === 0) throw ValidationError.field("file", "is empty");
  if (bytes.byteLength > MAX_EVIDENCE_BYTES) throw ValidationError.field("file", `is larger than ${MAX_EVIDENCE_BYTES / 1024 / 1024} MiB`);
  const name = cleanFileName(fileName);
  const type = sniffFileType(bytes, name);
  if (!type) throw ValidationError.field("file", "must be a PDF, PNG, JPEG, plain-text, CSV, DOCX or XLSX file");
  const { sha256, storageKey } = await putContent(bytes, root);
  const row = await tx.storedFile.create({
    data: { orgId, purpose: EVIDENCE_PURPOSE, fileName: name, contentType: type.contentType, sizeBytes: bytes.byteLength, sha256, storageKey, uploadedById: actor.userId },
    select: { id: true, fileName: true, contentType: true, sizeBytes: true, sha256: true },
  });
  await recordAuditEvent(tx, orgId, {
    action: MANUAL_AUDIT.fileUploaded,
    actorUserId: actor.userId,
    actorEmail: actor.email ?? null,
    targetType: "stored_file",
    targetId: row.id,
    metadata: { fileName: name, contentType: type.contentType, sizeBytes: bytes.byteLength, sha256 },
  });
  return row;
}
