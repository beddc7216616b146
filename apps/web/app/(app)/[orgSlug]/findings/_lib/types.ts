// Wire shapes of the findings explorer (types only: erased from the client bundle).
import type { FindingListItem, FindingPage } from "@safeguard/core/findings/find-findings";
import type { FindingDetail } from "@safeguard/core/findings/get-finding";
import type { FindingFacets } from "@safeguard/core/findings/list-finding-facets";
import type { Wire } from "./wire";

export type FindingRow = Wire<FindingListItem>;
export type FindingPageData = Wire<FindingPage>;
export type FindingDetailData = Wire<FindingDetail>;
export type Facets = FindingFacets;

/** The explorer's state as it appears in the URL (all strings; the server validates). */
export interface FindingQuery {
  status?: string;
  severity?: string;
  accountId?: string;
  region?: string;
  resourceType?: string;
  checkId?: string;
  citation?: string;
  inScope?: string;
  suppressed?: string;
  q?: string;
  includeDeleted?: string;
  sort?: string;
  dir?: string;
  cursor?: string;
  limit?: string;
}

export const FILTER_KEYS = ["status", "severity", "accountId", "region", "resourceType", "checkId", "citation", "inScope", "suppressed", "q", "includeDeleted"] as const;

/**
 * The explorer opens on what needs work: `status` absent means "open" (FAIL + ERROR), sorted failing
 * first by severity. `status=any` shows every verdict, N/A included.
 */
export const DEFAULT_STATUS = "open";

export function withDefaults(query: FindingQuery): FindingQuery {
  return query.status ? query : { ...query, status: DEFAULT_STATUS };
}
