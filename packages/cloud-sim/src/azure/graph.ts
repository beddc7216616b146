// Microsoft Graph, the one report the Entra check reads: GET /v1.0/reports/authenticationMethods/userRegistrationDetails
// ($filter on isAdmin / isMfaRegistered, $top, paged by @odata.nextLink). Needs a Graph token and the app's
// AuditLog.Read.All permission (403 Authorization_RequestDenied without it, as Graph answers).
import { randomUUID } from "node:crypto";
import type { EntraDirectory, UserRegistrationDetails } from "../estate/azure/entra";
import { json, type HttpReply } from "../http/reply";
import type { SimState } from "../state";
import { validTokenAudience } from "./identity";

const AUDIENCE = "https://graph.microsoft.com";
export const USER_REGISTRATION_PATH = "/v1.0/reports/authenticationMethods/userRegistrationDetails";
/** Graph's page size differs per API; this report pages at 20 here unless $top asks otherwise (clients follow nextLink). */
const DEFAULT_PAGE = 20;

const graphError = (status: number, code: string, message: string, headers: Record<string, string> = {}): HttpReply =>
  json(status, { error: { code, message, innerError: { date: new Date().toISOString().slice(0, 19), "request-id": randomUUID(), "client-request-id": randomUUID() } } }, headers);

type Filter = (u: UserRegistrationDetails) => boolean;

/** The $filter subset: `<isAdmin|isMfaRegistered|isMfaCapable> eq <true|false>`, joined with `and`. */
function parseFilter(text: string | null): Filter | null {
  if (!text) return () => true;
  const parts = text.split(/\s+and\s+/i).map((p) => /^\s*(isAdmin|isMfaRegistered|isMfaCapable)\s+eq\s+(true|false)\s*$/.exec(p));
  if (parts.some((m) => !m)) return null;
  return (u) => parts.every((m) => u[(m as RegExpExecArray)[1] as "isAdmin"] === ((m as RegExpExecArray)[2] === "true"));
}

/** The report's rows for a filter (every row when the filter is empty); null when the filter is outside the subset. */
export function userRegistrationRows(directory: EntraDirectory, filter: string | null): UserRegistrationDetails[] | null {
  const keep = parseFilter(filter);
  return keep ? directory.users.filter(keep) : null;
}

export function graphRoute(state: SimState, method: string, path: string, query: URLSearchParams, authorization: string, baseUrl: string): HttpReply {
  const token = /^Bearer\s+(.+)$/i.exec(authorization)?.[1];
  if (!token) return graphError(401, "InvalidAuthenticationToken", "Access token is empty.");
  const audience = validTokenAudience(state, token);
  if (audience !== AUDIENCE) return graphError(401, "InvalidAuthenticationToken", audience === null ? "Lifetime validation failed, the token is expired." : "Access token validation failure. Invalid audience.");
  if (method !== "GET" || path !== USER_REGISTRATION_PATH) return graphError(400, "BadRequest", `Resource not found for the segment '${path.split("/").pop() ?? ""}'.`);
  const fault = state.faults.decide("graph:userRegistrationDetails");
  if (fault.kind === "throttle") return graphError(429, "TooManyRequests", "Too many requests.", { "retry-after": "1" });
  if (fault.kind === "error") return graphError(503, "serviceNotAvailable", "The service is temporarily unavailable.");
  const directory = state.estate.azureTenant.directory;
  if (!directory.reportsReadGranted) return graphError(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
  const rows = userRegistrationRows(directory, query.get("$filter"));
  if (!rows) return graphError(400, "BadRequest", `Invalid filter clause: ${query.get("$filter") ?? ""}`);
  const top = Math.min(999, Math.max(1, Number(query.get("$top") ?? DEFAULT_PAGE) || DEFAULT_PAGE));
  const from = Number(Buffer.from(query.get("$skiptoken") ?? "", "base64url").toString("utf8") || "0") || 0;
  const value = rows.slice(from, from + top);
  const next = new URLSearchParams();
  for (const k of ["$filter", "$top"]) if (query.get(k) !== null) next.set(k, query.get(k) as string);
  next.set("$skiptoken", Buffer.from(String(from + value.length)).toString("base64url"));
  return json(200, {
    "@odata.context": `${baseUrl}/v1.0/$metadata#reports/authenticationMethods/userRegistrationDetails`,
    ...(from + value.length < rows.length ? { "@odata.nextLink": `${baseUrl}${USER_REGISTRATION_PATH}?${next.toString()}` } : {}),
    value,
  });
}
