import { exceptionListSchema, requestExceptionSchema } from "@safeguard/core/exceptions/exception-input";
import { findExceptions } from "@safeguard/core/exceptions/find-exceptions";
import { requestException } from "@safeguard/core/exceptions/request-exception";
import { orgRoute } from "../../../../../server/org-route";

/** GET /api/orgs/:slug/exceptions?status=PENDING */
export const GET = orgRoute("dashboard.read", exceptionListSchema, ({ tx, input }) => findExceptions({ tx, status: input.status, findingId: input.findingId }));

/** POST /api/orgs/:slug/exceptions { scope, findingId | checkId+accountId | tagKey[, tagValue], justification, expiresAt } */
export const POST = orgRoute("exceptions.request", requestExceptionSchema, ({ ctx, tx, input }) =>
  requestException({ tx, orgId: ctx.orgId, actor: { userId: ctx.userId, email: ctx.email }, input }));
