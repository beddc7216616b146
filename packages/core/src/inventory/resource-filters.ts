// Inventory filters: one schema for the page's search params, the JSON route and the core query.
import { z } from "zod";
import { findingFiltersSchema } from "../findings/finding-filters";

export const RESOURCE_SORTS = ["resourceType", "name", "lastChangedAt", "region"] as const;

const base = findingFiltersSchema.pick({ accountId: true, region: true, resourceType: true, inScope: true, q: true, includeDeleted: true });

export const resourcePageSchema = base.extend({
  /** `Key` (the tag is present) or `Key=Value` (exact value) */
  tag: z
    .string()
    .trim()
    .max(256, { message: "at most 256 characters" })
    .regex(/^[^=]+(=.*)?$/, { message: "must be Key or Key=Value" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  sort: z.enum(RESOURCE_SORTS).default("resourceType"),
  dir: z.enum(["asc", "desc"]).optional(),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export type ResourcePageQuery = z.infer<typeof resourcePageSchema>;

export function parseTag(tag: string): { key: string; value: string | null } {
  const i = tag.indexOf("=");
  return i < 0 ? { key: tag.trim(), value: null } : { key: tag.slice(0, i).trim(), value: tag.slice(i + 1) };
}
