// What one scan could read, region by region. The collectors record it on ScanRun.regionCoverage as
// [{ region, status: "ok" | "no-recorder" | "error", resources, error? }]; this turns that JSON into a
// typed summary the accounts page can show, with what to do about each gap.

export type RegionCoverageStatus = "ok" | "no-recorder" | "error";

export interface RegionCoverageEntry {
  region: string;
  status: RegionCoverageStatus;
  resources: number;
  /** why the region could not be read (status "error") */
  error: string | null;
  /** what the customer should do; null when the region is covered */
  advice: string | null;
}

export interface RegionCoverageSummary {
  ok: number;
  noRecorder: number;
  error: number;
  /** gaps first (error, then no recorder), then covered regions, each alphabetically */
  regions: RegionCoverageEntry[];
}

const NO_RECORDER_ADVICE =
  "No AWS Config recorder in this region, so Safeguard cannot see its resources (a coverage gap, not a pass). Turn on AWS Config recording for all resource types in this region, or remove the region from the account's scope.";
const ERROR_ADVICE = "Safeguard could not read this region. Check the role's permissions for it; the next scan retries.";

const ORDER: Record<RegionCoverageStatus, number> = { error: 0, "no-recorder": 1, ok: 2 };

function errorText(raw: unknown): string | null {
  if (typeof raw === "string") return raw;
  if (raw && typeof raw === "object") {
    const e = raw as { code?: unknown; message?: unknown; api?: unknown };
    const parts = [e.api, e.code, e.message].filter((p): p is string => typeof p === "string" && p.length > 0);
    return parts.length ? parts.join(": ") : null;
  }
  return null;
}

/** Never throws: malformed entries are skipped (the JSON column is written by another process). */
export function summarizeRegionCoverage(raw: unknown): RegionCoverageSummary {
  const regions: RegionCoverageEntry[] = [];
  for (const item of Array.isArray(raw) ? raw : []) {
    if (!item || typeof item !== "object") continue;
    const r = item as { region?: unknown; status?: unknown; resources?: unknown; error?: unknown };
    if (typeof r.region !== "string" || (r.status !== "ok" && r.status !== "no-recorder" && r.status !== "error")) continue;
    regions.push({
      region: r.region,
      status: r.status,
      resources: typeof r.resources === "number" ? r.resources : 0,
      error: r.status === "error" ? (errorText(r.error) ?? "Unknown error") : null,
      advice: r.status === "ok" ? null : r.status === "no-recorder" ? NO_RECORDER_ADVICE : ERROR_ADVICE,
    });
  }
  regions.sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.region.localeCompare(b.region));
  return {
    ok: regions.filter((r) => r.status === "ok").length,
    noRecorder: regions.filter((r) => r.status === "no-recorder").length,
    error: regions.filter((r) => r.status === "error").length,
    regions,
  };
}
