import { z } from "zod";
import { revokeException } from "@safeguard/core/exceptions/revoke-exception";
import { orgRoute } from "../../../../../../../server/org-route";

/** POST /api/orgs/:slug/exceptions/:id/revoke { note? } */
export const POST = orgRoute("exceptions.decide", z.object({ note: z.string().trim().max(2000).optional() }), ({ ctx, tx, input, params }) =>
  revokeException({ tx, orgId: ctx.orgId, actor: { userId: ctx.userId, email: ctx.email }, exceptionId: params.exceptionId ?? "", note: input.note }));
