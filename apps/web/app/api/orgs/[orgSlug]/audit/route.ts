import { auditLogQuerySchema, findAuditLogs } from "@safeguard/core/audit/find-audit-logs";
import { orgRoute } from "../../../../../server/org-route";

/** GET ?action=&actor=&from=&to=&page=&pageSize= : the organisation's audit log, paged in the database. */
export const GET = orgRoute("audit.read", auditLogQuerySchema, ({ tx, input }) => findAuditLogs(tx, input));
