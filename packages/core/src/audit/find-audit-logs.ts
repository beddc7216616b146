import { z } from "zod";
import type { OrgTx } from "@safeguard/db/tenant";
import type { Prisma } from "@safeguard/db/client";

export const auditLogQuerySchema = z.object({
  action: z.string().trim().max(100).optional(),
  actor: z.string().trim().max(200).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
}).refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], message: "The end date must be after the start date." });

export type AuditLogQuery = z.infer<typeof auditLogQuerySchema>;

export interface AuditLogRow {
  id: string;
  action: string;
  actorUserId: string | null;
  actorEmail: string | null;
  targetType: string | null;
  targetId: string | null;
  metadata: unknown;
  ip: string | null;
  createdAt: string;
}

export interface AuditLogPage {
  rows: AuditLogRow[];
  total: number;
  page: number;
  pageSize: number;
}

/** The organisation's audit log, newest first, filtered and paged in the database. */
export async function findAuditLogs(tx: OrgTx, query: AuditLogQuery): Promise<AuditLogPage> {
  const where: Prisma.AuditLogWhereInput = {};
  if (query.action) where.action = query.action.endsWith("*") ? { startsWith: query.action.slice(0, -1) } : query.action;
  if (query.actor) where.actorEmail = { contains: query.actor, mode: "insensitive" };
  if (query.from || query.to) where.createdAt = { ...(query.from && { gte: query.from }), ...(query.to && { lte: endOfDayIfMidnight(query.to) }) };
  const [rows, total] = await Promise.all([
    tx.auditLog.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
    tx.auditLog.count({ where }),
  ]);
  return {
    rows: rows.map((r) => ({ id: r.id, action: r.action, actorUserId: r.actorUserId, actorEmail: r.actorEmail, targetType: r.targetType, targetId: r.targetId, metadata: r.metadata, ip: r.ip, createdAt: r.createdAt.toISOString() })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** A bare date as the end of a range means "through that day". */
function endOfDayIfMidnight(date: Date): Date {
  return date.getUTCHours() === 0 && date.getUTCMinutes() === 0 && date.getUTCSeconds() === 0 ? new Date(date.getTime() + 86_400_000 - 1) : date;
}
