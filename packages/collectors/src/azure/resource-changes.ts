// Incremental Azure scans through Resource Graph's change history. Real ARG rows rarely carry a change time, but
// the `resourcechanges` table records every create, update and delete of a resource in the Resources table for
// 14 days (properties.targetResourceId / targetResourceType / changeType / changeAttributes.timestamp). An
// incremental scan asks it what changed since the watermark, then reads only those rows, by id.
import type { GraphTable } from "./graph-tables";

const HOUR = 3_600_000;
/** ARG keeps 14 days of changes. A watermark close to that edge may have lost changes already: read in full. */
const CHANGE_HISTORY_MS = 14 * 24 * HOUR - HOUR;
/** Ids per row query: keeps the KQL text around 10 kB (resource ids run to ~150 characters). */
export const ID_BATCH = 50;

export function changeHistoryCovers(since: Date, now: Date): boolean {
  return now.getTime() - since.getTime() < CHANGE_HISTORY_MS;
}

/** A KQL string literal. */
export const kqlString = (s: string) => `'${s.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;

export function changesQuery(since: Date): string {
  return [
    "resourcechanges",
    "| extend changeTime = todatetime(properties.changeAttributes.timestamp), targetResourceId = tostring(properties.targetResourceId), targetResourceType = tostring(properties.targetResourceType), changeType = tostring(properties.changeType)",
    `| where changeTime > datetime(${since.toISOString()})`,
    "| order by id asc",
    "| project targetResourceId, targetResourceType, changeType, changeTime",
  ].join(" ");
}

export interface ChangedResource {
  id: string;
  type: string;
  /** the newest change's time (ISO) */
  changedAt: string;
  deleted: boolean;
}

/**
 * The resources to read again, keyed by lower-cased id: for each change, the changed resource when it is one of
 * `wanted` types, else its nearest ancestor of a wanted type (a change to `servers/x/databases/y/…` re-reads the
 * database). The newest change decides whether the resource still exists.
 */
export function changedResources(rows: readonly unknown[], wanted: ReadonlySet<string>): Map<string, ChangedResource> {
  const out = new Map<string, ChangedResource>();
  for (const raw of rows) {
    const r = raw as { targetResourceId?: unknown; targetResourceType?: unknown; changeType?: unknown; changeTime?: unknown };
    if (typeof r.targetResourceId !== "string" || typeof r.targetResourceType !== "string" || typeof r.changeTime !== "string") continue;
    let id = r.targetResourceId;
    let type = r.targetResourceType.toLowerCase();
    let self = true;
    // Walk up: each type segment below the provider drops two id segments (…/types/name).
    while (!wanted.has(type) && type.split("/").length > 2) {
      type = type.slice(0, type.lastIndexOf("/"));
      id = id.split("/").slice(0, -2).join("/");
      self = false;
    }
    if (!wanted.has(type)) continue;
    const key = id.toLowerCase();
    const prev = out.get(key);
    if (prev && Date.parse(prev.changedAt) >= Date.parse(r.changeTime)) continue;
    // Deleting a child leaves its parent in place.
    out.set(key, { id, type, changedAt: r.changeTime, deleted: self && String(r.changeType).toLowerCase() === "delete" });
  }
  return out;
}

/** Row queries for the given ids of one table, `ID_BATCH` ids each. */
export function rowsByIdQueries(table: GraphTable, types: readonly string[], ids: readonly string[]): string[] {
  const queries: string[] = [];
  const typeList = types.map(kqlString).join(", ");
  for (let i = 0; i < ids.length; i += ID_BATCH) {
    const batch = ids.slice(i, i + ID_BATCH).map(kqlString).join(", ");
    queries.push(`${table} | where type in~ (${typeList}) and id in~ (${batch}) | order by id asc`);
  }
  return queries;
}
