// What an exception request and a decision must contain. The rules people can see in the form
// (justification length, expiry horizon) live here so the action, the route and the use case agree.
import { z } from "zod";

export const MIN_JUSTIFICATION = 30;
export const MAX_JUSTIFICATION = 4000;
/** Accepted risk is revisited at least yearly. */
export const MAX_EXPIRY_DAYS = 365;

const justification = z
  .string()
  .trim()
  .min(MIN_JUSTIFICATION, { message: `explain the accepted risk in at least ${MIN_JUSTIFICATION} characters` })
  .max(MAX_JUSTIFICATION, { message: `at most ${MAX_JUSTIFICATION} characters` });

const expiresAt = z.coerce.date({ message: "must be a date" });

export const requestExceptionSchema = z.discriminatedUnion("scope", [
  z.object({ scope: z.literal("FINDING"), findingId: z.uuid({ message: "must be a finding id" }), justification, expiresAt }),
  z.object({
    scope: z.literal("CHECK_ON_ACCOUNT"),
    checkId: z.string().trim().min(1).max(200),
    accountId: z.uuid({ message: "must be an account id" }),
    justification,
    expiresAt,
  }),
  z.object({
    scope: z.literal("TAG"),
    tagKey: z.string().trim().min(1, { message: "is required" }).max(128),
    /** empty = any value of the key */
    tagValue: z.string().trim().max(256).transform((v) => (v ? v : undefined)).optional(),
    /** optional narrowing: only this check, only this account */
    checkId: z.string().trim().max(200).transform((v) => (v ? v : undefined)).optional(),
    accountId: z.uuid({ message: "must be an account id" }).optional().or(z.literal("").transform(() => undefined)),
    justification,
    expiresAt,
  }),
]);

export type RequestExceptionInput = z.infer<typeof requestExceptionSchema>;

export const decideExceptionSchema = z.object({
  exceptionId: z.uuid({ message: "must be an exception id" }),
  decision: z.enum(["APPROVED", "REJECTED"]),
  note: z.string().trim().max(2000).optional(),
});

export type DecideExceptionInput = z.infer<typeof decideExceptionSchema>;

export const revokeExceptionSchema = z.object({
  exceptionId: z.uuid({ message: "must be an exception id" }),
  note: z.string().trim().max(2000).optional(),
});

export const EXCEPTION_STATUSES = ["PENDING", "APPROVED", "REJECTED", "REVOKED", "EXPIRED"] as const;

export const exceptionListSchema = z.object({
  status: z.enum(EXCEPTION_STATUSES).optional().or(z.literal("").transform(() => undefined)),
  findingId: z.uuid().optional(),
});

/** Audit action names for the exception lifecycle. */
export const EXCEPTION_AUDIT = {
  requested: "exception.requested",
  approved: "exception.approved",
  rejected: "exception.rejected",
  revoked: "exception.revoked",
  expired: "exception.expired",
} as const;

export interface Actor {
  userId: string;
  email?: string | null;
}
