import { z } from "zod";

const tagRule = z.object({
  key: z.string().trim().min(1, "Enter a tag key.").max(128),
  values: z.array(z.string().trim().min(1).max(256)).min(1, "Give at least one value.").max(50),
});

/**
 * Organisation settings. Full scans run between hourly and weekly; incremental (changes-only)
 * scans may be more frequent (15 min) or off. Idle timeout 5 minutes to 2 hours.
 */
export const orgSettingsSchema = z.object({
  name: z.string().trim().min(2, "Use 2 to 100 characters.").max(100, "Use 2 to 100 characters."),
  scopeMode: z.enum(["ALL", "PHI_TAGGED"]),
  phiTags: z.array(tagRule).max(20),
  nonProdTags: z.array(tagRule).max(20),
  requireMfa: z.boolean(),
  sessionIdleMinutes: z.number().int("Whole minutes.").min(5, "At least 5 minutes.").max(120, "At most 120 minutes."),
  fullScanIntervalMinutes: z.number().int().min(60, "At most hourly.").max(10080, "At least weekly."),
  quickScanIntervalMinutes: z.number().int().min(15, "At most every 15 minutes.").max(10080, "At least weekly.").nullable(),
}).refine((s) => s.scopeMode !== "PHI_TAGGED" || s.phiTags.length > 0, { path: ["phiTags"], message: "Tag-based scope needs at least one PHI tag." })
  .refine((s) => s.quickScanIntervalMinutes == null || s.quickScanIntervalMinutes <= s.fullScanIntervalMinutes, { path: ["quickScanIntervalMinutes"], message: "Incremental scans should run at least as often as full scans." });

export type OrgSettings = z.infer<typeof orgSettingsSchema>;
