import "server-only";
import type { z } from "zod";
import type { RequestMeta } from "@safeguard/core/audit/record-audit-event";
import { toErrorResponse } from "./errors";
import type { ActionResult } from "./org-action";
import { resolveUserContext, type UserContext } from "./org-context";
import { currentRequestMeta } from "./request-meta";

/**
 * A server action about the signed-in person rather than an organisation (MFA, sign out
 * everywhere, create an organisation). Same result shape and error mapping as orgAction.
 */
export function userAction<S extends z.ZodType, R>(
  schema: S,
  handler: (args: { user: UserContext; input: z.output<S>; meta: RequestMeta }) => Promise<R>,
): (input: z.input<S>) => Promise<ActionResult<R>> {
  return async (input) => {
    try {
      const user = await resolveUserContext();
      if (!user) return { ok: false, status: 401, error: "Your session has ended. Sign in again.", code: "unauthenticated" };
      const parsed = await schema.parseAsync(input);
      return { ok: true, data: await handler({ user, input: parsed, meta: await currentRequestMeta() }) };
    } catch (error) {
      const { status, body } = toErrorResponse(error);
      return { ok: false, status, ...body };
    }
  };
}

/** For public actions (sign-up, accept an invitation as a new user): no session, same result shape. */
export function publicAction<S extends z.ZodType, R>(
  schema: S,
  handler: (args: { input: z.output<S>; meta: RequestMeta }) => Promise<R>,
): (input: z.input<S>) => Promise<ActionResult<R>> {
  return async (input) => {
    try {
      const parsed = await schema.parseAsync(input);
      return { ok: true, data: await handler({ input: parsed, meta: await currentRequestMeta() }) };
    } catch (error) {
      const { status, body } = toErrorResponse(error);
      return { ok: false, status, ...body };
    }
  };
}
