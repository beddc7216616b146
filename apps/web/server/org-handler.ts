import "server-only";
import { can, type Permission } from "@safeguard/core/access/permissions";
import type { RequestMeta } from "@safeguard/core/audit/record-audit-event";
import { withTenant, type OrgTx } from "@safeguard/db/tenant";
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

export type HandlerOutcome<R> = { ok: true; data: R } | { ok: false; status: ErrorStatus; body: ErrorBody };

const FAIL = {
  unauthenticated: { ok: false, status: 401, body: { error: "Your session has ended. Sign in again.", code: "unauthenticated" } },
  mfa: { ok: false, status: 403, body: { error: "Your organisation requires two-factor authentication. Set it up to continue.", code: "mfa_enrolment_required" } },
  notFound: { ok: false, status: 404, body: { error: "Not found" } },
  forbidden: { ok: false, status: 403, body: { error: "Your role does not allow this.", code: "forbidden" } },
} as const;

/**
 * The shared core of orgAction and orgRoute: resolve the caller once, check the permission, parse
 * the input, run the handler under withTenant, map errors. Order matters: a non-member gets 404
 * before their permission or input is looked at, so nothing about another tenant leaks.
 */
export async function runOrgHandler<I, R>(
  orgSlug: string,
  permission: Permission,
  parse: () => I | Promise<I>,
  meta: RequestMeta,
  handler: (args: OrgHandlerArgs<I>) => Promise<R>,
): Promise<HandlerOutcome<R>> {
  try {
    const resolved = await resolveOrgContext(orgSlug);
    if (resolved.kind === "unauthenticated") return FAIL.unauthenticated;
    if (resolved.kind === "not_found") return FAIL.notFound;
    if (resolved.kind === "mfa_enrolment_required") return FAIL.mfa;
    const { ctx } = resolved;
    if (!can(ctx.role, permission)) return FAIL.forbidden;
    const input = await parse();
    const deferred: Array<() => Promise<unknown> | unknown> = [];
    const data = await withTenant(ctx.orgId, (tx) => handler({ ctx, input, tx, meta, afterCommit: (fn) => void deferred.push(fn) }));
    for (const fn of deferred) {
      // The change is committed: a failed follow-up (e.g. Redis down while enqueuing) is logged, not
      // reported as a failed request, or the user would retry something that already happened.
      await Promise.resolve().then(fn).catch((error) => console.error("[safeguard] after-commit step failed", error));
    }
    return { ok: true, data };
  } catch (error) {
    const { status, body } = toErrorResponse(error);
    return { ok: false, status, body };
  }
}
