// Pre-compiled configuration paths: split once at module load, walked with plain property reads
// in the hot loop. The dotted string is also what evidence shows the security officer.
import type { ResourceSnapshot } from "../snapshot";

export interface Path {
  readonly path: string;
  readonly keys: readonly string[];
}

/** "configuration.a.b" or "supplementaryConfiguration.X.y" or "tags.K". */
export function p(path: string): Path {
  return { path, keys: path.split(".") };
}

export function read(r: ResourceSnapshot, at: Path): unknown {
  const keys = at.keys;
  let cur: unknown = (r as unknown as Record<string, unknown>)[keys[0] as string];
  for (let i = 1; i < keys.length; i++) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[keys[i] as string];
  }
  return cur;
}

/** Walks a relative key list from any value. */
export function dig(v: unknown, keys: readonly string[]): unknown {
  let cur = v;
  for (let i = 0; i < keys.length; i++) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[keys[i] as string];
  }
  return cur;
}

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
export const asArray = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : []);

/** AWS writes booleans as JSON booleans, "true"/"false" strings or 1/0 depending on the API. */
export function truthy(v: unknown): boolean | undefined {
  if (v === true || v === false) return v;
  if (typeof v === "string") {
    const s = v.toLowerCase();
    if (s === "true" || s === "1" || s === "on" || s === "enabled" || s === "yes") return true;
    if (s === "false" || s === "0" || s === "off" || s === "disabled" || s === "no") return false;
    return undefined;
  }
  if (typeof v === "number") return v !== 0;
  return undefined;
}

export function num(v: unknown): number | undefined {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && v.trim() !== "") {
    const n = Number(v);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

export const lower = (v: unknown): string => (typeof v === "string" ? v.toLowerCase() : "");
