import type { Role } from "@safeguard/db/client";
import { ForbiddenError } from "../errors";

/**
 * The role matrix: the one place that says who may do what. Routes, actions and pages ask
 * `can(role, permission)` / `assertCan(...)`; the RBAC test iterates over this table.
 *
 * OWNER may do everything. ADMIN runs the organisation (accounts, members, settings).
 * SECURITY_OFFICER runs compliance (exceptions, alerts, scans, manual controls).
 * AUDITOR reads everything, including the audit log, and builds evidence packs. VIEWER reads dashboards.
 */
export const PERMISSIONS = {
  "dashboard.read": ["OWNER", "ADMIN", "SECURITY_OFFICER", "AUDITOR", "VIEWER"],
  "findings.export": ["OWNER", "ADMIN", "SECURITY_OFFICER", "AUDITOR", "VIEWER"],
  "audit.read": ["OWNER", "ADMIN", "AUDITOR"],
  "members.read": ["OWNER", "ADMIN", "SECURITY_OFFICER", "AUDITOR"],
  "members.manage": ["OWNER", "ADMIN"],
  "settings.manage": ["OWNER", "ADMIN"],
  "accounts.manage": ["OWNER", "ADMIN"],
  "scans.run": ["OWNER", "ADMIN", "SECURITY_OFFICER"],
  "exceptions.request": ["OWNER", "SECURITY_OFFICER"],
  "exceptions.decide": ["OWNER", "SECURITY_OFFICER"],
  "alerts.manage": ["OWNER", "SECURITY_OFFICER"],
  "alerts.subscribe-self": ["OWNER", "ADMIN", "SECURITY_OFFICER", "AUDITOR", "VIEWER"],
  "manual-controls.manage": ["OWNER", "SECURITY_OFFICER"],
  "evidence.build": ["OWNER", "SECURITY_OFFICER", "AUDITOR"],
  "evidence.download": ["OWNER", "SECURITY_OFFICER", "AUDITOR"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function assertCan(role: Role, permission: Permission): void {
  if (!can(role, permission)) throw new ForbiddenError(permission);
}

export const ROLES: readonly Role[] = ["OWNER", "ADMIN", "SECURITY_OFFICER", "AUDITOR", "VIEWER"];
