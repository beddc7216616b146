import { z } from "zod";

export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_PURPOSE = "manual-control-evidence";

export const MANUAL_AUDIT = {
  updated: "manual_control.updated",
  attested: "manual_control.attested",
  fileUploaded: "manual_control.evidence_uploaded",
} as const;

const citation = z.string().trim().regex(/^164\.3\d\d(\([a-z0-9]+\))*$/i, { message: "must be a citation such as 164.308(a)(1)(ii)(A)" });

export const updateManualControlSchema = z.object({
  citation,
  ownerUserId: z.uuid({ message: "must be a member" }).nullable().optional().or(z.literal("").transform(() => null)),
  statement: z.string().trim().max(4000, { message: "at most 4000 characters" }).optional(),
  reviewIntervalDays: z.coerce.number().int().min(7, { message: "at least 7 days" }).max(730, { message: "at most 730 days" }).optional(),
});

export const attestManualControlSchema = z.object({
  citation,
  statement: z.string().trim().min(20, { message: "say what was reviewed, in at least 20 characters" }).max(4000, { message: "at most 4000 characters" }),
  evidenceFileIds: z.array(z.uuid({ message: "must be an uploaded file" })).max(20, { message: "at most 20 files" }).default([]),
});

export type UpdateManualControlInput = z.infer<typeof updateManualControlSchema>;
export type AttestManualControlInput = z.infer<typeof attestManualControlSchema>;
