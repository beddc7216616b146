// What collectors stream (the same shape core's scan pipeline consumes; see core/src/scans/source.ts).
import type { ResourceSnapshot } from "@safeguard/controls/snapshot";

export interface CollectError {
  scope: string;
  api: string;
  code: string;
  message: string;
}

export type CollectEvent =
  | { kind: "snapshots"; region: string; snapshots: ResourceSnapshot[] }
  | { kind: "ids"; region: string; ids: string[] }
  /** every stored resource of these types in this region still exists (their count says so; no id list was read) */
  | { kind: "present"; region: string; resourceTypes: string[] }
  | { kind: "coverage"; region: string; status: "ok" | "no-recorder" | "error"; resources: number; error?: CollectError }
  | { kind: "error"; error: CollectError };

/** What the store held before this scan (live resources only). */
export interface StoredInventory {
  /** resources of this type in this region ("global" for the global types) */
  count(region: string, resourceType: string): number;
  holds(nativeId: string): boolean;
}

export interface CollectOptions {
  /** incremental: read in full only what changed since then; list ids of the rest */
  changedSince?: Date | null;
  /**
   * With it, an incremental scan lists the ids of a type only when its count does not add up to what
   * is stored plus what is new, i.e. only when something of that type may have been deleted.
   */
  stored?: StoredInventory;
  signal?: AbortSignal;
}
