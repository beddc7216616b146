// ARM Resource Graph: POST /providers/Microsoft.ResourceGraph/resources (api-version 2021-03-01),
// paging with $top / $skip / $skipToken, at most 1000 rows a page, only the page materialised.
import { randomUUID } from "node:crypto";
import { decodeToken, encodeToken, scan } from "../aws/paging";
import { AwsError } from "../aws/errors";
import type { AzureResource } from "../estate/model";
import type { SimState } from "../state";
import { json, type HttpReply } from "../http/reply";
import { KqlError, parseKql, projectRow, rowMatches } from "./kql";

export function armError(status: number, code: string, message: string, details?: unknown[], headers: Record<string, string> = {}): HttpReply {
  return json(status, { error: { code, message, ...(details ? { details } : {}) } }, { "x-ms-request-id": randomUUID(), ...headers });
}

const supportInfo = () => `Please provide below info when asking for support: timestamp = ${new Date().toISOString()}, correlationId = ${randomUUID()}.`;

/** Which ARG table a type lives in (supported-tables reference). */
export function tableOf(type: string): string {
  if (type.startsWith("microsoft.security/")) return "securityresources";
  if (type.startsWith("microsoft.recoveryservices/vaults/") || type.startsWith("microsoft.dataprotection/backupvaults/")) return "recoveryservicesresources";
  if (type === "microsoft.web/sites/config") return "appserviceresources";
  if (type === "microsoft.authorization/roledefinitions" || type === "microsoft.authorization/roleassignments") return "authorizationresources";
  if (type.startsWith("microsoft.authorization/policy")) return "policyresources";
  if (type === "microsoft.resources/subscriptions" || type === "microsoft.resources/subscriptions/resourcegroups") return "resourcecontainers";
  return "resources";
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
  const accept = (r: AzureResource) => !r.deleted && tableOf(r.row.type) === table && rowMatches(r.row, query.where);
  const lists = subs.map((s) => s.resources);
  if (query.orderBy && query.orderBy.desc) lists.reverse();
  const request = JSON.stringify({ q: body.query, s: subs.map((s) => s.subscriptionId) });
  let cursor;
  try {
    cursor = decodeToken(options.$skipToken, request);
  } catch (err) {
    if (err instanceof AwsError) return armError(400, "BadRequest", supportInfo(), [{ code: "InvalidSkipToken", message: "The $skipToken is invalid." }]);
    throw err;
  }
  // totalRecords is counted on the first page and carried in the $skipToken after that.
  let total = cursor.total ?? -1;
  if (total < 0) {
    total = 0;
    for (const list of lists) for (const r of list) if (accept(r)) total++;
  }
  let skip = options.$skipToken ? 0 : (options.$skip ?? 0);
  const ordered = query.orderBy?.desc ? lists.map((l) => [...l].reverse()) : lists;
  const { page, next } = scan(ordered, cursor, top, (r) => {
    if (!accept(r)) return false;
    if (skip > 0) {
      skip--;
      return false;
    }
    return true;
  });
  const data = page.map((r) => projectRow(r.row, query.project));
  return json(200, {
    totalRecords: total, count: data.length, resultTruncated: "false",
    ...(next ? { $skipToken: encodeToken(request, { ...next, total }) } : {}),
    facets: [], data,
  }, { "x-ms-user-quota-remaining": "14", "x-ms-user-quota-resets-after": "00:00:05" });
}
