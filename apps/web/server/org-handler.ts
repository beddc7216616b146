import "server-only";
import { can, type Permission } from "@safeguard/core/access/permissions";
import type { RequestMeta } from "@safeguard/core/audit/record-audit-event";
import { withTenant, withTenantReader, type OrgReader, type OrgTx } from "@safeguard/db/tenant";
import { toErrorResponse, type ErrorBody, type ErrorStatus } from "./errors";
import { resolveOrgContext, type OrgContext } from "./org-context";

export interface OrgHandlerArgs<I> {
  ctx: OrgContext;
  input: I;
  /** the tenant transaction (app.org_id = ctx.orgId); everything in it commits together */
  tx: OrgTx;
  meta: RequestMeta;
  /** work to run once the transaction has committed (enqueue a job, send mail) */
  afterCommit(fn: () => Promise<unknown> | unknown): void;
}

/** What a read-only handler gets: the same caller and input, and a READ ONLY tenant reader. */
export interface OrgReaderArgs<I> {
  ctx: OrgContext;
  input: I;
  db: OrgReader;
}

export type HandlerOutcome<R> = { ok: true; data: R } | { ok: false; status: ErrorStatus; body: ErrorBody };

const FAIL = {
  unauthenticated: { ok: false, status: 401, body: { error: "Your session has ended. Sign in again.", code: "unauthenticated" } },
  mfa: { ok: false, status: 403, body: { error: "Your organisation requires two-factor authentication. Set it up to continue.", code: "mfa_enrolment_required" } },
  notFound: { ok: false, status: 404, body: { error: "Not found" } },
  forbidden: { ok: false, status: 403, body: { error: "Your role does not allow this.", code: "forbidden" } },
} as const;

type Admitted<I> = { ok: true; ctx: OrgContext; input: I } | Extract<HandlerOutcome<never>, { ok: false }>;

/**
 * Who may run this: resolve the caller once, check the permission, parse the input. Order matters:
 * a non-member gets 404 before their permission or input is looked at, so nothing about another
 * tenant leaks.
 */
async function admit<I>(orgSlug: string, permission: Permission, parse: () => I | Promise<I>): Promise<Admitted<I>> {
  const resolved = await resolveOrgContext(orgSlug);
  if (resolved.kind === "unauthenticated") return FAIL.unauthenticated;
  if (resolved.kind === "not_found") return FAIL.notFound;
  if (resolved.kind === "mfa_enrolment_required") return FAIL.mfa;
  const { ctx } = resolved;
  if (!can(ctx.role, permission)) return FAIL.forbidden;
  return { ok: true, ctx, input: await parse() };
}

function failure(error: unknown): HandlerOutcome<never> {
  const { status, body } = toErrorResponse(error);
  return { ok: false, status, body };
}

/** The shared core of orgAction and orgRoute: admit the caller, run the handler under withTenant, map errors. */
export async function runOrgHandler<I, R>(
  orgSlug: string,
  permission: Permission,
  parse: () => I | Promise<I>,
  meta: RequestMeta,
  handler: (args: OrgHandlerArgs<I>) => Promise<R>,
): Promise<HandlerOutcome<R>> {
  try {
    const admitted = await admit(orgSlug, permission, parse);
    if (!admitted.ok) return admitted;
    const { ctx, input } = admitted;
    const deferred: Array<() => Promise<unknown> | unknown> = [];
    const data = await withTenant(ctx.orgId, (tx) => handler({ ctx, input, tx, meta, afterCommit: (fn) => void deferred.push(fn) }));
    for (const fn of deferred) {
      // The change is committed: a failed follow-up (e.g. Redis down while enqueuing) is logged, not
      // reported as a failed request, or the user would retry something that already happened.
      await Promise.resolve().then(fn).catch((error) => console.error("[safeguard] after-commit step failed", error));
    }
    return { ok: true, data };
  } catch (error) {
    return failure(error);
  }
}

/** The same for read-only GET routes: the handler runs under withTenantReader (no ORM, READ ONLY). */
export async function runOrgReader<I, R>(
  orgSlug: string,
  permission: Permission,
  parse: () => I | Promise<I>,
  handler: (args: OrgReaderArgs<I>) => Promise<R>,
): Promise<HandlerOutcome<R>> {
  try {
    const admitted = await admit(orgSlug, permission, parse);
    if (!admitted.ok) return admitted;
    const { ctx, input } = admitted;
    return { ok: true, data: await withTenantReader(ctx.orgId, (db) => handler({ ctx, input, db })) };
  } catch (error) {
    return failure(error);
  }
}
