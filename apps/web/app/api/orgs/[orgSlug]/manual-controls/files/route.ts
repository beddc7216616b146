import { ValidationError } from "@safeguard/core/errors";
import { MAX_EVIDENCE_BYTES } from "@safeguard/core/manual-controls/manual-control-input";
import { storeEvidenceFile } from "@safeguard/core/manual-controls/store-evidence-file";
import { orgRoute } from "../../../../../../server/org-route";

/**
 * POST /api/orgs/:slug/manual-controls/files (multipart/form-data, field "file"): one evidence file.
 * The declared length is checked before the body is read; the bytes decide the type.
 */
export const POST = orgRoute("manual-controls.manage", async ({ ctx, tx, request }) => {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_EVIDENCE_BYTES + 64 * 1024) throw ValidationError.field("file", `is larger than ${MAX_EVIDENCE_BYTES / 1024 / 1024} MiB`);
  const form = await request.formData().catch(() => {
    throw ValidationError.field("file", "send the file as multipart/form-data");
  });
  const file = form.get("file");
  if (!(file instanceof File)) throw ValidationError.field("file", "is required");
  const bytes = new Uint8Array(await file.arrayBuffer());
  return storeEvidenceFile({ tx, orgId: ctx.orgId, actor: { userId: ctx.userId, email: ctx.email }, fileName: file.name, bytes });
});
