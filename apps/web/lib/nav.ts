import { can, type Permission } from "@safeguard/core/access/permissions";
import type { Role } from "@safeguard/db/client";

export interface NavItem {
  href: string;
  label: string;
  section: "Compliance" | "Cloud" | "Governance" | "Organisation";
}

/** The app's navigation and the permission each item needs; items the role cannot use are not shown. */
const NAV: Array<{ path: string; label: string; section: NavItem["section"]; permission: Permission }> = [
  { path: "overview", label: "Overview", section: "Compliance", permission: "dashboard.read" },
  { path: "controls", label: "Controls", section: "Compliance", permission: "dashboard.read" },
  { path: "findings", label: "Findings", section: "Compliance", permission: "dashboard.read" },
  { path: "exceptions", label: "Exceptions", section: "Compliance", permission: "dashboard.read" },
  { path: "manual-controls", label: "Manual controls", section: "Compliance", permission: "dashboard.read" },
  { path: "inventory", label: "Inventory", section: "Cloud", permission: "dashboard.read" },
  { path: "accounts", label: "Accounts", section: "Cloud", permission: "dashboard.read" },
  { path: "evidence", label: "Evidence", section: "Governance", permission: "evidence.build" },
  { path: "audit", label: "Audit log", section: "Governance", permission: "audit.read" },
  { path: "members", label: "Members", section: "Organisation", permission: "members.read" },
  { path: "settings", label: "Settings", section: "Organisation", permission: "settings.manage" },
];

export function navFor(slug: string, role: Role): NavItem[] {
  return NAV.filter((n) => can(role, n.permission)).map((n) => ({ href: `/${slug}/${n.path}`, label: n.label, section: n.section }));
}

export const ROLE_LABELS: Record<Role, string> = {
  OWNER: "Owner",
  ADMIN: "Admin",
  SECURITY_OFFICER: "Security officer",
  AUDITOR: "Auditor",
  VIEWER: "Viewer",
};
