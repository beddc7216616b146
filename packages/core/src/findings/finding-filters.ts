// The findings explorer's filter language: one zod schema shared by the page (search params), the
// JSON route, the export route and the core query, so "the current filter" means one thing everywhere.
import { z } from "zod";

export const FINDING_STATUSES = ["PASS", "FAIL", "ERROR", "NOT_APPLICABLE"] as const;
export const SEVERITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW"] as const;
export const FINDING_SORTS = ["priority", "severity", "lastChangedAt", "firstSeenAt", "status", "checkId", "resourceType", "region"] as const;

export type FindingSort = (typeof FINDING_SORTS)[number];

/** Accepts `a,b`, `["a","b"]` or repeated query params; empty means "no filter". */
function list<T extends z.ZodType>(item: T, max = 50) {
  return z.preprocess((v) => {
    if (v === undefined || v === null || v === "") return undefined;
    const arr: unknown[] = Array.isArray(v) ? v : [v];
    const cleaned = arr.flatMap((s) => String(s).split(",")).map((s) => s.trim()).filter((s) => s.length > 0);
    return cleaned.length ? cleaned : undefined;
  }, z.array(item).max(max).optional());
}

/**
 * Status words the explorer uses: `open` = what needs work (FAIL and ERROR), `any` = every status.
 * Plain values and lists (`FAIL,PASS`) work as before.
 */
export const OPEN_STATUSES = ["FAIL", "ERROR"] as const;
const statusList = z.preprocess((v) => {
  const arr = v === undefined || v === null ? [] : (Array.isArray(v) ? v : [v]).flatMap((s) => String(s).split(","));
  const words = arr.map((s) => s.trim()).filter(Boolean);
  if (words.some((w) => w.toLowerCase() === "any")) return undefined;
  return words.flatMap((w) => (w.toLowerCase() === "open" ? [...OPEN_STATUSES] : [w]));
}, list(z.enum(FINDING_STATUSES)));

const flag = z.preprocess((v) => {
  if (v === undefined || v === null || v === "") return undefined;
  if (v === true || v === "true" || v === "1" || v === "yes") return true;
  if (v === false || v === "false" || v === "0" || v === "no") return false;
  return v;
}, z.boolean().optional());

const shortText = z.string().trim().min(1).max(200);

export const findingFiltersSchema = z.object({
  status: statusList,
  severity: list(z.enum(SEVERITIES)),
  accountId: list(z.uuid({ message: "must be an account id" })),
  region: list(shortText),
  resourceType: list(shortText),
  checkId: list(shortText, 200),
  /** A HIPAA citation (section, standard or specification); expands to the checks citing it. */
  citation: z
    .string()
    .trim()
    .regex(/^164\.3\d\d(\([a-z0-9]+\))*$/i, { message: "must be a citation such as 164.312(a)(1)" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  inScope: flag,
  suppressed: flag,
  /** Resource name, provider id, ARN or check id contains this (case-insensitive). */
  q: z
    .string()
    .trim()
    .max(200, { message: "at most 200 characters" })
    .transform((s) => (s ? s : undefined))
    .optional(),
  /** Findings of deleted resources are kept for history; hidden unless asked for. */
  includeDeleted: flag,
});

export const findingPageSchema = findingFiltersSchema.extend({
  /** priority = failing first (FAIL, then ERROR, then PASS, then N/A), by severity within each */
  sort: z.enum(FINDING_SORTS).default("priority"),
  dir: z.enum(["asc", "desc"]).optional(),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export type FindingFilters = z.infer<typeof findingFiltersSchema>;
export type FindingPageQuery = z.infer<typeof findingPageSchema>;

/** Severity sorts critical-first and dates newest-first unless the caller says otherwise. */
export function defaultDir(sort: FindingSort): "asc" | "desc" {
  return sort === "lastChangedAt" || sort === "firstSeenAt" ? "desc" : "asc";
}

/** URLSearchParams -> plain object with repeated keys as arrays, for the schemas above. */
export function searchParamsToObject(params: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const entries: Array<[string, string]> =
    params instanceof URLSearchParams
      ? [...params.entries()]
      : Object.entries(params).flatMap(([k, v]) => (v === undefined ? [] : Array.isArray(v) ? v.map((x) => [k, x] as [string, string]) : [[k, v] as [string, string]]));
  for (const [k, v] of entries) {
    const prev = out[k];
    if (prev === undefined) out[k] = v;
    else out[k] = Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}
