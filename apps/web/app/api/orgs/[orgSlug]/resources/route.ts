import { findResources } from "@safeguard/core/inventory/find-resources";
import { resourcePageSchema } from "@safeguard/core/inventory/resource-filters";
import { orgRoute } from "../../../../../server/org-route";

/** GET /api/orgs/:slug/resources?accountId=&resourceType=&region=&tag=Key=Value&q=&sort=&cursor= */
export const GET = orgRoute("dashboard.read", resourcePageSchema, ({ tx, input }) => findResources({ tx, query: input }));
