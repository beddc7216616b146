import "server-only";
import type { z } from "zod";
import type { Permission } from "@safeguard/core/access/permissions";
import type { ErrorStatus, FieldIssue } from "./errors";
import { runOrgHandler, type OrgHandlerArgs } from "./org-handler";
import { currentRequestMeta } from "./request-meta";

/** What every org server action returns: errors are values (Next hides thrown messages in production). */
export type ActionResult<R> = { ok: true; data: R } | { ok: false; status: ErrorStatus; error: string; code?: string; issues?: FieldIssue[] };

/**
 * A server action for one organisation. Use in an "use server" file:
 *
 *   export const inviteMemberAction = orgAction("members.manage", inviteSchema, ({ ctx, input, tx, meta }) =>
 *     inviteMember(tx, { orgId: ctx.orgId, … }));
 *
 * and call it from a client component as `inviteMemberAction(orgSlug, input)`. The slug is checked
 * against the caller's memberships (404 for non-members), then the permission (403), then the input
 * (400 with field issues); the handler runs inside withTenant.
 */
export function orgAction<S extends z.ZodType, R>(
  permission: Permission,
  schema: S,
  handler: (args: OrgHandlerArgs<z.output<S>>) => Promise<R>,
): (orgSlug: string, input: z.input<S>) => Promise<ActionResult<R>> {
  return async (orgSlug, input) => {
    const outcome = await runOrgHandler(String(orgSlug), permission, () => schema.parseAsync(input), await currentRequestMeta(), handler);
    return outcome.ok ? outcome : { ok: false, status: outcome.status, ...outcome.body };
  };
}
