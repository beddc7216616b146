import { decideException } from "@safeguard/core/exceptions/decide-exception";
import { decideExceptionSchema } from "@safeguard/core/exceptions/exception-input";
import { orgRoute } from "../../../../../../../server/org-route";

const bodySchema = decideExceptionSchema.omit({ exceptionId: true });

/** POST /api/orgs/:slug/exceptions/:id/decision { decision: "APPROVED" | "REJECTED", note? } */
export const POST = orgRoute("exceptions.decide", bodySchema, ({ ctx, tx, input, params }) =>
  decideException({ tx, orgId: ctx.orgId, actor: { userId: ctx.userId, email: ctx.email }, input: { ...input, exceptionId: params.exceptionId ?? "" } }));
