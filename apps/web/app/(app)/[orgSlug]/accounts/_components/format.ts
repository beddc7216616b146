// Small formatters shared by the accounts components.
export function when(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }) : "Never";
}

export function duration(ms: number | null): string {
  if (ms == null || ms < 0) return "—";
  if (ms < 1000) return "<1s";
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, "0")}m`;
}

export const n = (v: number) => v.toLocaleString();

export function words(enumValue: string): string {
  const t = enumValue.replace(/_/g, " ").toLowerCase();
  return t.charAt(0).toUpperCase() + t.slice(1);
}

const SCAN_BADGE: Record<string, string> = { SUCCEEDED: "ok", PARTIAL: "warn", FAILED: "bad", CANCELLED: "", QUEUED: "", RUNNING: "" };
export const scanBadge = (status: string) => SCAN_BADGE[status] ?? "";
