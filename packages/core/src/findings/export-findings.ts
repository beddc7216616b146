// Export of "the current filter": every matching finding, in keyset batches. Each batch runs in its
// own short read-only tenant transaction, so a large export never holds one transaction (or all rows) open.
import { withTenantReader } from "@safeguard/db/tenant";
import { csvLine } from "./csv";
import type { FindingFilters } from "./finding-filters";
import { findFindings, type FindingListItem } from "./find-findings";

export const EXPORT_COLUMNS = [
  "id", "status", "severity", "checkId", "checkTitle", "accountName", "accountId", "provider", "resourceType",
  "resourceName", "resourceNativeId", "region", "inScope", "suppressed", "exceptionId", "reason", "firstSeenAt",
  "lastChangedAt",
] as const satisfies ReadonlyArray<keyof FindingListItem>;

export type ExportFormat = "csv" | "json";

/** Matching findings in batches, in a stable order (severity, then id) that keyset paging can resume. */
export async function* iterateFindingsForExport({ orgId, filters, batchSize = 2000 }: { orgId: string; filters: FindingFilters; batchSize?: number }): AsyncGenerator<FindingListItem[]> {
  let cursor: string | undefined;
  for (;;) {
    const page = await withTenantReader(orgId, (db) =>
      findFindings({ db, withTotal: false, query: { ...filters, sort: "priority", dir: "asc", cursor, limit: batchSize } }),
    );
    if (page.items.length) yield page.items;
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}

/** The export as text chunks: a CSV with a header row, or one JSON array. */
export async function* exportFindings({ orgId, filters, format, batchSize }: { orgId: string; filters: FindingFilters; format: ExportFormat; batchSize?: number }): AsyncGenerator<string> {
  let first = true;
  if (format === "csv") yield csvLine(EXPORT_COLUMNS);
  else yield "[";
  for await (const batch of iterateFindingsForExport({ orgId, filters, batchSize })) {
    if (format === "csv") {
      yield batch.map((f) => csvLine(EXPORT_COLUMNS.map((c) => f[c]))).join("");
    } else {
      const parts = batch.map((f) => JSON.stringify(Object.fromEntries(EXPORT_COLUMNS.map((c) => [c, f[c]]))));
      yield (first ? "\n" : ",\n") + parts.join(",\n");
      first = false;
    }
  }
  if (format === "json") yield "\n]\n";
}
