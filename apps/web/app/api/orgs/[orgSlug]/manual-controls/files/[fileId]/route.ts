import { Readable } from "node:stream";
import { getStoredFile } from "@safeguard/core/manual-controls/get-stored-file";
import { openContent } from "@safeguard/core/manual-controls/file-store";
import { orgRoute } from "../../../../../../../server/org-route";

/** GET /api/orgs/:slug/manual-controls/files/:id: the evidence file, as an attachment. */
export const GET = orgRoute("evidence.download", async ({ tx, params }) => {
  const f = await getStoredFile({ tx, fileId: params.fileId ?? "" });
  const body = Readable.toWeb(openContent(f.storageKey)) as ReadableStream<Uint8Array>;
  return new Response(body, {
    headers: {
      "Content-Type": f.contentType,
      "Content-Length": String(f.sizeBytes),
      "Content-Disposition": `attachment; filename="${f.fileName.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Digest": `sha-256=${Buffer.from(f.sha256, "hex").toString("base64")}`,
    },
  });
});
