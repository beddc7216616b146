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
  | { kind: "coverage"; region: string; status: "ok" | "no-recorder" | "error"; resources: number; error?: CollectError }
  | { kind: "error"; error: CollectError };

export interface CollectOptions {
  /** incremental: read in full only what changed since then; list ids of the rest */
  changedSince?: Date | null;
  signal?: AbortSignal;
}
