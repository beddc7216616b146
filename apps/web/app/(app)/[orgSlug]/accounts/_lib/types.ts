// Wire shapes of the accounts page (types only: erased from the client bundle).
import type { RegionCoverageSummary } from "@safeguard/core/account-status/region-coverage";
import type { ScanRunView } from "@safeguard/core/account-status/scan-run-view";

export type { AccountView } from "../../../../../server/accounts-view";
export type ScanRun = ScanRunView;
export type Coverage = RegionCoverageSummary;
