/** Role names and what each may do, in words (client-safe: no imports). Mirrors core/access/permissions.ts. */
export const ROLE_OPTIONS = [
  { value: "OWNER", label: "Owner", description: "Everything, including owners and deleting the organisation." },
  { value: "ADMIN", label: "Admin", description: "Accounts, members and settings; reads everything." },
  { value: "SECURITY_OFFICER", label: "Security officer", description: "Exceptions, alerts, scans and manual controls." },
  { value: "AUDITOR", label: "Auditor", description: "Reads everything incl. the audit log; builds evidence packs." },
  { value: "VIEWER", label: "Viewer", description: "Reads the dashboards." },
] as const;

export type RoleValue = (typeof ROLE_OPTIONS)[number]["value"];

export function roleLabel(role: string): string {
  return ROLE_OPTIONS.find((r) => r.value === role)?.label ?? role;
}
