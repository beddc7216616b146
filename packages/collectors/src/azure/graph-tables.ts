// Which Resource Graph table holds each type the catalog reads. Resource Graph splits types across
// tables (Resources, securityresources, recoveryservicesresources, …; see the "supported tables"
// reference): a query on `Resources` never returns a backup protected item or a role definition.
import { CHECKS, RESOURCE_TYPES } from "@safeguard/controls/catalog";

export const GRAPH_TABLES = [
  "resources", "securityresources", "recoveryservicesresources", "appserviceresources", "authorizationresources", "policyresources", "resourcecontainers",
] as const;
export type GraphTable = (typeof GRAPH_TABLES)[number];

export function graphTableOf(type: string): GraphTable {
  const t = type.toLowerCase();
  if (t.startsWith("microsoft.security/")) return "securityresources";
  if (t.startsWith("microsoft.recoveryservices/vaults/") || t.startsWith("microsoft.dataprotection/backupvaults/")) return "recoveryservicesresources";
  if (t === "microsoft.web/sites/config") return "appserviceresources";
  if (t === "microsoft.authorization/roledefinitions" || t === "microsoft.authorization/roleassignments") return "authorizationresources";
  if (t.startsWith("microsoft.authorization/policy")) return "policyresources";
  if (t === "microsoft.resources/subscriptions" || t === "microsoft.resources/subscriptions/resourcegroups") return "resourcecontainers";
  return "resources";
}

/** Azure types the catalog evaluates or reads through the context. */
export function azureCatalogTypes(): string[] {
  const all = new Set<string>();
  for (const t of RESOURCE_TYPES) if (t.startsWith("microsoft.")) all.add(t);
  for (const c of CHECKS) for (const t of c.contextTypes) if (t.startsWith("microsoft.")) all.add(t);
  return [...all].sort();
}

/** The catalog's types grouped by table (tables with no wanted type are left out), in GRAPH_TABLES order. */
export function tableQueries(types: readonly string[] = azureCatalogTypes()): Array<{ table: GraphTable; types: string[] }> {
  const by = new Map<GraphTable, string[]>();
  for (const t of types) {
    const table = graphTableOf(t);
    by.set(table, [...(by.get(table) ?? []), t]);
  }
  return GRAPH_TABLES.filter((t) => by.has(t)).map((table) => ({ table, types: by.get(table) as string[] }));
}
