// One ScanRun as the accounts page shows it: the live part (phase, counts, progress) and the outcome
// (counts, timings, error). Shared by the account list and the scan history.
import type { Prisma, ScanKind, ScanPhase, ScanStatus, ScanTrigger } from "@safeguard/db/client";

export interface ScanRunView {
  id: string;
  kind: ScanKind;
  trigger: ScanTrigger;
  status: ScanStatus;
  phase: ScanPhase;
  progressMessage: string | null;
  resourcesCollected: number;
  resourcesEvaluated: number;
  resourcesExpected: number | null;
  /** 0–100 when it can be estimated, else null (an indeterminate bar) */
  percent: number | null;
  queuedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** the worker's own total (timings.totalMs), else finished - started (or - queued); null while running */
  durationMs: number | null;
  cancelRequested: boolean;
  /** what the scan did once finished: { collected, changed, evaluated, verdicts, OPENED, RESOLVED, REGRESSED, ERRORED, … } */
  counts: Record<string, number>;
  /** partial failures that did not stop the scan */
  problemCount: number;
  error: string | null;
  errorCode: string | null;
}

export const scanRunSelect = {
  id: true, kind: true, trigger: true, status: true, phase: true, progressMessage: true, resourcesCollected: true,
  resourcesEvaluated: true, resourcesExpected: true, counts: true, errors: true, timings: true, error: true, errorCode: true,
  cancelRequestedAt: true, queuedAt: true, startedAt: true, finishedAt: true,
} as const;

/** A ScanRun as `scanRunSelect` reads it (derived from the schema, so the two cannot drift apart). */
export type ScanRunRow = Prisma.ScanRunGetPayload<{ select: typeof scanRunSelect }>;

// Collecting is most of a scan; evaluating and reconciling are quick set-based steps after it.
const PHASE_SPAN: Record<ScanPhase, [number, number]> = {
  QUEUED: [0, 0], ASSUMING_ROLE: [0, 5], COLLECTING: [5, 75], EVALUATING: [75, 90], RECONCILING: [90, 99], DONE: [100, 100],
};

export function scanPercent(r: Pick<ScanRunRow, "phase" | "status" | "resourcesCollected" | "resourcesEvaluated" | "resourcesExpected">): number | null {
  if (r.status !== "QUEUED" && r.status !== "RUNNING") return 100;
  const [from, to] = PHASE_SPAN[r.phase];
  if (r.phase === "QUEUED" || r.phase === "ASSUMING_ROLE" || r.phase === "RECONCILING") return from;
  const expected = r.resourcesExpected ?? (r.phase === "EVALUATING" ? r.resourcesCollected : null);
  if (!expected) return r.phase === "COLLECTING" ? null : from;
  const done = r.phase === "COLLECTING" ? r.resourcesCollected : r.resourcesEvaluated;
  return Math.round(from + (to - from) * Math.min(1, done / expected));
}

function numericCounts(raw: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (raw && typeof raw === "object" && !Array.isArray(raw)) {
    for (const [k, v] of Object.entries(raw)) {
      if (typeof v === "number") out[k] = v;
      else if (v && typeof v === "object" && !Array.isArray(v)) {
        // nested verdict counts ({ verdicts: { PASS, FAIL, … } }) are flattened
        for (const [k2, v2] of Object.entries(v)) if (typeof v2 === "number") out[k2] = v2;
      }
    }
  }
  return out;
}

export function toScanRunView(r: ScanRunRow): ScanRunView {
  const end = r.finishedAt?.getTime();
  const total = r.timings && typeof r.timings === "object" ? (r.timings as { totalMs?: unknown }).totalMs : undefined;
  return {
    id: r.id, kind: r.kind, trigger: r.trigger, status: r.status, phase: r.phase, progressMessage: r.progressMessage,
    resourcesCollected: r.resourcesCollected, resourcesEvaluated: r.resourcesEvaluated, resourcesExpected: r.resourcesExpected,
    percent: scanPercent(r),
    queuedAt: r.queuedAt.toISOString(),
    startedAt: r.startedAt?.toISOString() ?? null,
    finishedAt: r.finishedAt?.toISOString() ?? null,
    durationMs: end === undefined ? null : typeof total === "number" ? total : end - (r.startedAt ?? r.queuedAt).getTime(),
    cancelRequested: r.cancelRequestedAt != null,
    counts: numericCounts(r.counts),
    problemCount: Array.isArray(r.errors) ? r.errors.length : 0,
    error: r.error,
    errorCode: r.errorCode,
  };
}
