// Opaque paging tokens: a position in the item lists plus a fingerprint of the request they belong to.
import { createHash } from "node:crypto";
import { AwsError } from "./errors";

export interface Cursor {
  list: number;
  pos: number;
  /** Optional figure carried between pages (Resource Graph's totalRecords, counted once on the first page). */
  total?: number;
}

const fingerprint = (request: string) => createHash("sha1").update(request).digest("base64url").slice(0, 12);

export function encodeToken(request: string, cursor: Cursor): string {
  return Buffer.from(JSON.stringify({ f: fingerprint(request), l: cursor.list, p: cursor.pos, ...(cursor.total === undefined ? {} : { t: cursor.total }) })).toString("base64url");
}

export function decodeToken(token: string | undefined, request: string, errorCode = "InvalidNextTokenException"): Cursor {
  if (!token) return { list: 0, pos: 0 };
  try {
    const parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { f?: string; l?: number; p?: number; t?: number };
    if (parsed.f === fingerprint(request) && Number.isInteger(parsed.l) && Number.isInteger(parsed.p)) {
      return { list: parsed.l as number, pos: parsed.p as number, ...(Number.isInteger(parsed.t) ? { total: parsed.t } : {}) };
    }
  } catch {
    // fall through to the error below
  }
  throw new AwsError(errorCode, "The nextToken provided is invalid");
}

/**
 * Walks item lists from a cursor, collecting up to `limit` matches. Only the page is materialised;
 * the returned cursor points just past the last match so the next page resumes there.
 */
export function scan<T>(lists: readonly (readonly T[])[], from: Cursor, limit: number, accept: (item: T) => boolean): { page: T[]; next: Cursor | null } {
  const page: T[] = [];
  for (let l = from.list; l < lists.length; l++) {
    const list = lists[l] as readonly T[];
    for (let p = l === from.list ? from.pos : 0; p < list.length; p++) {
      const item = list[p] as T;
      if (!accept(item)) continue;
      if (page.length === limit) return { page, next: { list: l, pos: p } };
      page.push(item);
    }
  }
  return { page, next: null };
}
