import "server-only";
import { forbidden } from "next/navigation";
import { can, type Permission } from "@safeguard/core/access/permissions";
import type { OrgContext } from "./org-context";

/**
 * For pages: a member whose role lacks the permission gets the 403 screen (app/forbidden.tsx).
 * Non-members never reach this: getOrgContext() already answered them with 404.
 */
export function requirePermission(ctx: OrgContext, permission: Permission): OrgContext {
  if (!can(ctx.role, permission)) forbidden();
  return ctx;
}
