// ARM Resource Graph: POST /providers/Microsoft.ResourceGraph/resources (api-version 2021-03-01),
// paging with $top / $skip / $skipToken, at most 1000 rows a page, only the page materialised. The
// resourcechanges table serves the subscriptions' change history (drift records it), 14 days of it.
import { randomUUID } from "node:crypto";
import { decodeToken, encodeToken, scan, type Cursor } from "../aws/paging";
import { AwsError } from "../aws/errors";
import { tableOf } from "../estate/azure/tables";
import type { SimState } from "../state";
import { json, type HttpReply } from "../http/reply";
import { extendRow, KqlError, parseKql, projectRow, rowMatches, type KqlQuery } from "./kql";

export function armError(status: number, code: string, message: string, details?: unknown[], headers: Record<string, string> = {}): HttpReply {
  return json(status, { error: { code, message, ...(details ? { details } : {}) } }, { "x-ms-request-id": randomUUID(), ...headers });
}

const supportInfo = () => `Please provide below info when asking for support: timestamp = ${new Date().toISOString()}, correlationId = ${randomUUID()}.`;

const CHANGE_RETENTION_MS = 14 * 86_400_000;

interface Paging {
  cursor: Cursor;
  top: number;
  skip: number;
  desc: boolean;
}

/** One page of the rows of `lists` that pass `live` and the query, extended and projected; only the page is materialised. */
function pageOf<T>(lists: readonly (readonly T[])[], paging: Paging, live: (item: T) => boolean, rowOf: (item: T) => Record<string, unknown>, query: KqlQuery) {
  const accept = (item: T) => live(item) && rowMatches(extendRow(rowOf(item), query.extend), query.where);
  // totalRecords is counted on the first page and carried in the $skipToken after that.
  let total = paging.cursor.total ?? -1;
  if (total < 0) {
    total = 0;
    for (const list of lists) for (const item of list) if (accept(item)) total++;
  }
  let skip = paging.skip;
  const ordered = paging.desc ? [...lists].reverse().map((l) => [...l].reverse()) : lists;
  const { page, next } = scan(ordered, paging.cursor, paging.top, (item) => {
    if (!accept(item)) return false;
    if (skip > 0) {
      skip--;
      return false;
    }
    return true;
  });
  return { data: page.map((item) => projectRow(extendRow(rowOf(item), query.extend), query.project)), total, next };
}

interface QueryRequest {
  subscriptions?: string[];
  query?: string;
  options?: { $top?: number; $skip?: number; $skipToken?: string; resultFormat?: string };
}

export function queryResources(state: SimState, body: QueryRequest): HttpReply {
  if (!body || typeof body.query !== "string" || body.query.trim() === "") {
    return armError(400, "BadRequest", supportInfo(), [{ code: "InvalidQuery", message: "Query is invalid. Please refer to the documentation for the Azure Resource Graph service and fix the error before retrying." }]);
  }
  let query;
  try {
    query = parseKql(body.query);
  } catch (err) {
    if (!(err instanceof KqlError)) throw err;
    return armError(400, "BadRequest", supportInfo(), [
      { code: "InvalidQuery", message: "Query is invalid. Please refer to the documentation for the Azure Resource Graph service and fix the error before retrying." },
      { code: "ParserFailure", message: `ParserFailure: ${err.message}`, line: 1, characterPositionInLine: err.position, token: err.token },
    ]);
  }
  const options = body.options ?? {};
  const top = options.$top ?? 1000;
  if (!Number.isInteger(top) || top < 1 || top > 1000) {
    return armError(400, "BadRequest", supportInfo(), [{ code: "InvalidRequestContent", message: "Property '$top' must be between 1 and 1000." }]);
  }
  if (options.resultFormat && options.resultFormat !== "objectArray") {
    return armError(400, "BadRequest", supportInfo(), [{ code: "UnsupportedResultFormat", message: "This simulator serves resultFormat objectArray only." }]);
  }
  const wanted = body.subscriptions ? new Set(body.subscriptions.map((s) => s.toLowerCase())) : null;
  const subs = state.estate.azure.filter((s) => !wanted || wanted.has(s.subscriptionId.toLowerCase())).sort((a, b) => (a.subscriptionId < b.subscriptionId ? -1 : 1));
  const table = query.table;
  const request = JSON.stringify({ q: body.query, s: subs.map((s) => s.subscriptionId) });
  let cursor: Cursor;
  try {
    cursor = decodeToken(options.$skipToken, request);
  } catch (err) {
    if (err instanceof AwsError) return armError(400, "BadRequest", supportInfo(), [{ code: "InvalidSkipToken", message: "The $skipToken is invalid." }]);
    throw err;
  }
  const paging: Paging = { cursor, top, skip: options.$skipToken ? 0 : (options.$skip ?? 0), desc: query.orderBy?.desc === true };
  let result: { data: Record<string, unknown>[]; total: number; next: Cursor | null };
  if (table === "resourcechanges") {
    const fault = state.faults.decide("azure:resourcechanges");
    if (fault.kind === "throttle") return armError(429, "RateLimiting", "Please provide below info when asking for support: the request was throttled.", undefined, { "retry-after": "1" });
    if (fault.kind === "error") return armError(500, "InternalServerError", "Encountered internal server error. Please try again.");
    // ARG keeps 14 days of change history.
    const oldest = Date.now() - CHANGE_RETENTION_MS;
    result = pageOf(subs.map((s) => s.changes), paging, (c) => Date.parse(c.properties.changeAttributes.timestamp) >= oldest, (c) => c, query);
  } else {
    result = pageOf(subs.map((s) => s.resources), paging, (r) => !r.deleted && tableOf(r.row.type) === table, (r) => r.row, query);
  }
  const { data, total, next } = result;
  return json(200, {
    totalRecords: total, count: data.length, resultTruncated: "false",
    ...(next ? { $skipToken: encodeToken(request, { ...next, total }) } : {}),
    facets: [], data,
  }, { "x-ms-user-quota-remaining": "14", "x-ms-user-quota-resets-after": "00:00:05" });
}
