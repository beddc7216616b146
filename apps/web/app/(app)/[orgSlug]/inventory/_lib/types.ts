import type { ResourcePage } from "@safeguard/core/inventory/find-resources";
import type { InventorySummary } from "@safeguard/core/inventory/get-inventory-summary";
import type { Wire } from "../../findings/_lib/wire";

export type ResourcePageData = Wire<ResourcePage>;
export type Summary = InventorySummary;

export interface ResourceQuery {
  accountId?: string;
  resourceType?: string;
  region?: string;
  tag?: string;
  q?: string;
  inScope?: string;
  sort?: string;
  cursor?: string;
}
