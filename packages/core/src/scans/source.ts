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
  /** One region (or "global") finished: whether everything in it was read. */
  | { kind: "coverage"; region: string; status: RegionStatus; resources: number; error?: SourceError }
  /** A partial failure that does not stop the scan (one API, one region). */
  | { kind: "error"; error: SourceError };

export type ScanSource = AsyncIterable<SourceEvent>;
