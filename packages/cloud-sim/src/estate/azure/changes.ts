// Resource Graph's change history (`resourcechanges`): one row per create, update or delete of a resource in
// the `resources` table, as ARG records them (targetResourceId/-Type, changeType, changeAttributes.timestamp,
// and for updates the changed property paths with before/after values). Other tables have no change history
// in ARG (subscriptions and resource groups are in resourcecontainerchanges), so their drifts record nothing.
import type { AzureChangeRow, AzureSubscription } from "../model";
import { tableOf } from "./tables";

type Row = Record<string, unknown> & { id: string; type: string };

let sequence = 0;

/** Leaf paths of a row (`properties.networkAcls.defaultAction`) with their values; arrays count as leaves. */
function flatten(value: unknown, prefix: string, out: Map<string, unknown>): void {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else out.set(prefix, value);
}

/** The property changes ARG lists for an update (properties.changedTime is the simulator's own stamp, not ARG's). */
function propertyChanges(before: Row, after: Row): Record<string, unknown> {
  const a = new Map<string, unknown>(), b = new Map<string, unknown>();
  flatten({ properties: before.properties, tags: before.tags, sku: before.sku }, "", a);
  flatten({ properties: after.properties, tags: after.tags, sku: after.sku }, "", b);
  const out: Record<string, unknown> = {};
  for (const path of new Set([...a.keys(), ...b.keys()])) {
    if (path === "properties.changedTime") continue;
    const was = JSON.stringify(a.get(path) ?? null), now = JSON.stringify(b.get(path) ?? null);
    if (was === now) continue;
    const type = !a.has(path) ? "Insert" : !b.has(path) ? "Remove" : "Update";
    out[path] = { previousValue: a.has(path) ? was : null, newValue: b.has(path) ? now : null, changeCategory: "User", propertyChangeType: type, isTruncated: "false" };
  }
  return out;
}

/** Appends the change to the subscription's history; `before` is the row as it was (updates only). */
export function recordAzureChange(sub: AzureSubscription, row: Row, changeType: "Create" | "Update" | "Delete", at: string, before?: Row): void {
  if (tableOf(row.type) !== "resources") return;
  const changeId = `${Date.parse(at).toString(16)}${(++sequence).toString(16).padStart(8, "0")}`;
  const changes = changeType === "Update" && before ? propertyChanges(before, row) : {};
  const provider = String(row.type).split("/")[0] ?? "";
  const change: AzureChangeRow = {
    id: `${row.id}/providers/Microsoft.Resources/changes/${changeId}`, name: changeId, type: "microsoft.resources/changes",
    tenantId: sub.tenantId, kind: "", location: "", resourceGroup: String(row.resourceGroup ?? ""), subscriptionId: sub.subscriptionId,
    managedBy: "", sku: null, plan: null, tags: null, identity: null, zones: null, extendedLocation: null,
    properties: {
      targetResourceId: row.id, targetResourceType: row.type, changeType,
      changeAttributes: {
        timestamp: at, correlationId: changeId, changedByType: "User", changedBy: "drift@contoso-health.example", clientType: "cloud-sim drift",
        operation: `${provider}/${row.type.slice(provider.length + 1)}/${changeType === "Delete" ? "delete" : "write"}`, changesCount: Object.keys(changes).length,
        previousResourceSnapshotId: changeType === "Create" ? null : `${changeId}-before`, newResourceSnapshotId: changeType === "Delete" ? null : `${changeId}-after`,
      },
      changes,
    },
  };
  sub.changes.push(change);
}
