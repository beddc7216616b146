// What a collector streams into a scan. Core does not import the collectors; they produce values of
// this shape (structurally typed), and the worker hands one to the other.
import type { ResourceSnapshot } from "@safeguard/controls/snapshot";

export interface SourceError {
  /** region, "global", a subscription id, … */
  scope: string;
  api: string;
  code: string;
  message: string;
}

export type RegionStatus = "ok" | "no-recorder" | "error";

export type SourceEvent =
  /** Resources read in full (all of them in a full scan; the changed ones in an incremental scan). */
  | { kind: "snapshots"; region: string; snapshots: ResourceSnapshot[] }
  /** Incremental scans: ids of every resource that still exists, to detect deletions cheaply. */
  | { kind: "ids"; region: string; ids: string[] }
  /** Incremental scans: every stored resource of these types in this region still exists (counted, not listed). */
  | { kind: "present"; region: string; resourceTypes: string[] }
  /** One region (or "global") finished: whether everything in it was read. */
  | { kind: "coverage"; region: string; status: RegionStatus; resources: number; error?: SourceError }
  /** A partial failure that does not stop the scan (one API, one region). */
  | { kind: "error"; error: SourceError };

/** What the store held before the scan (live resources), for a source that reads less when it knows. */
export interface StoredInventory {
  /** resources of this type in this region ("global" for the global types) */
  count(region: string, resourceType: string): number;
  holds(nativeId: string): boolean;
}

/** The events, or a function the pipeline calls with the stored inventory once it has loaded it. */
export type ScanSource = AsyncIterable<SourceEvent> | ((stored: StoredInventory) => AsyncIterable<SourceEvent>);
