import "server-only";
import type { z } from "zod";
import { ZodError } from "zod";
import type { Permission } from "@safeguard/core/access/permissions";
import { runOrgHandler, runOrgReader, type HandlerOutcome, type OrgHandlerArgs, type OrgReaderArgs } from "./org-handler";
import { requestMetaFrom } from "./request-meta";

export interface RouteContext {
  params: Promise<Record<string, string | string[] | undefined>>;
}

export type OrgRouteHandler<I> = (args: OrgHandlerArgs<I> & { request: Request; params: Record<string, string> }) => Promise<unknown>;
export type OrgReadRouteHandler<I> = (args: OrgReaderArgs<I> & { request: Request; params: Record<string, string> }) => Promise<unknown>;

async function readInput(request: Request): Promise<unknown> {
  if (request.method === "GET" || request.method === "HEAD" || request.method === "DELETE") {
    const url = new URL(request.url);
    const out: Record<string, string | string[]> = {};
    for (const key of new Set(url.searchParams.keys())) {
      const values = url.searchParams.getAll(key);
      out[key] = values.length > 1 ? values : values[0]!;
    }
    return out;
  }
  const text = await request.text();
  if (!text) return {};
  // JSON only: a cross-site HTML form can send text/plain bodies without a CORS preflight.
  if (!request.headers.get("content-type")?.toLowerCase().includes("application/json")) {
    throw new ZodError([{ code: "custom", path: ["body"], message: "Send the body as JSON (Content-Type: application/json).", input: null }]);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ZodError([{ code: "custom", path: ["body"], message: "The request body is not valid JSON.", input: text.slice(0, 20) }]);
  }
}

/** A route handler that carries the permission it checks, so the RBAC test can enumerate every route. */
export type OrgRouteFn = ((request: Request, context: RouteContext) => Promise<Response>) & { readonly permission: Permission };

/**
 * A route handler under app/api/orgs/[orgSlug]/…:
 *
 *   export const GET = orgRoute("audit.read", auditLogQuerySchema, ({ tx, input }) => findAuditLogs(tx, input));
 *
 * Query string (GET/DELETE) or JSON body (others) is parsed with the schema. The handler's return
 * value is sent as JSON (a Response is sent as is, e.g. a download). Status codes: 401 no session,
 * 404 not a member / unknown id, 403 role lacks the permission, 400 bad input, 409 conflict.
 */
export function orgRoute(permission: Permission, handler: OrgRouteHandler<undefined>): OrgRouteFn;
export function orgRoute<S extends z.ZodType>(permission: Permission, schema: S, handler: OrgRouteHandler<z.output<S>>): OrgRouteFn;
export function orgRoute(
  permission: Permission,
  schemaOrHandler: z.ZodType | OrgRouteHandler<undefined>,
  maybeHandler?: OrgRouteHandler<unknown>,
): OrgRouteFn {
  const { parse, handler } = splitArgs<OrgRouteHandler<unknown>>(schemaOrHandler, maybeHandler);
  return routeOf(permission, (request, params) =>
    runOrgHandler(params.orgSlug ?? "", permission, () => parse(request), requestMetaFrom(request.headers), (args) => handler({ ...args, request, params })),
  );
}

/**
 * A read-only GET route: like orgRoute, but the handler gets `db` (withTenantReader: node-postgres
 * in a READ ONLY transaction) instead of a Prisma transaction. The dashboards' hot reads use it.
 */
export function orgReadRoute(permission: Permission, handler: OrgReadRouteHandler<undefined>): OrgRouteFn;
export function orgReadRoute<S extends z.ZodType>(permission: Permission, schema: S, handler: OrgReadRouteHandler<z.output<S>>): OrgRouteFn;
export function orgReadRoute(
  permission: Permission,
  schemaOrHandler: z.ZodType | OrgReadRouteHandler<undefined>,
  maybeHandler?: OrgReadRouteHandler<unknown>,
): OrgRouteFn {
  const { parse, handler } = splitArgs<OrgReadRouteHandler<unknown>>(schemaOrHandler, maybeHandler);
  return routeOf(permission, (request, params) => runOrgReader(params.orgSlug ?? "", permission, () => parse(request), (args) => handler({ ...args, request, params })));
}

/** The (permission, [schema], handler) overloads: the input parser (query string or JSON body) and the handler. */
function splitArgs<H>(schemaOrHandler: unknown, maybeHandler?: H): { parse: (request: Request) => Promise<unknown>; handler: H } {
  const schema = typeof schemaOrHandler === "function" ? null : (schemaOrHandler as z.ZodType);
  const handler = (typeof schemaOrHandler === "function" ? schemaOrHandler : maybeHandler) as H;
  return { parse: async (request) => (schema ? schema.parseAsync(await readInput(request)) : undefined), handler };
}

function routeOf(permission: Permission, run: (request: Request, params: Record<string, string>) => Promise<HandlerOutcome<unknown>>): OrgRouteFn {
  const route = async (request: Request, context: RouteContext): Promise<Response> => {
    const raw = await context.params;
    const params = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : String(v ?? "")]));
    const outcome = await run(request, params);
    if (!outcome.ok) return Response.json(outcome.body, { status: outcome.status, headers: { "Cache-Control": "no-store" } });
    if (outcome.data instanceof Response) return outcome.data;
    return Response.json(outcome.data ?? null, { headers: { "Cache-Control": "no-store" } });
  };
  return Object.assign(route, { permission });
}
