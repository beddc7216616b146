// An evidence file of this organisation, for download. Foreign ids are NotFound.
import type { OrgTx } from "@safeguard/db/tenant";
import { NotFoundError } from "../errors";
import { isUuid } from "../findings/ids";

export async function getStoredFile({ tx, fileId }: { tx: OrgTx; fileId: string }) {
  if (!isUuid(fileId)) throw new NotFoundError("File");
  const f = await tx.storedFile.findUnique({ where: { id: fileId }, select: { id: true, fileName: true, contentType: true, sizeBytes: true, sha256: true, storageKey: true, purpose: true } });
  if (!f) throw new NotFoundError("File");
  return f;
}
