import "server-only";
import { ZodError } from "zod";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@safeguard/core/errors";
import { InvalidOrgIdError } from "@safeguard/db/tenant";

export interface FieldIssue {
  field: string;
  message: string;
}

export interface ErrorBody {
  error: string;
  code?: string;
  issues?: FieldIssue[];
}

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 500;

export function zodIssues(error: ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ field: i.path.map(String).join(".") || "input", message: i.message }));
}

/** Next's redirect()/notFound() work by throwing; they must pass through untouched. */
export function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK") || digest === "NEXT_NOT_FOUND");
}

/**
 * One mapping from use-case errors to HTTP, shared by orgAction and orgRoute. Bad input is a 400
 * that names the field, never a 500; anything unexpected is logged server-side and reported
 * without details (the message could carry internals).
 */
export function toErrorResponse(error: unknown): { status: ErrorStatus; body: ErrorBody } {
  if (error instanceof ZodError) return { status: 400, body: { error: "Some fields need attention.", issues: zodIssues(error) } };
  if (error instanceof ValidationError) return { status: 400, body: { error: error.issues[0]?.message ?? "Invalid input.", issues: error.issues } };
  if (error instanceof NotFoundError || error instanceof InvalidOrgIdError) return { status: 404, body: { error: "Not found" } };
  if (error instanceof ForbiddenError) return { status: 403, body: { error: "Your role does not allow this.", code: "forbidden" } };
  if (error instanceof ConflictError) return { status: 409, body: { error: error.message } };
  const code = (error as { code?: unknown } | null)?.code;
  // Prisma: record to update not found (P2025) / malformed id (P2023; P2007 wrapping pg 22P02 with the
  // pg adapter) → the thing does not exist, exactly as for someone else's id.
  if (code === "P2025" || code === "P2023" || code === "22P02" || (code === "P2007" && driverCode(error) === "22P02")) return { status: 404, body: { error: "Not found" } };
  if (code === "P2002") return { status: 409, body: { error: "This already exists." } };
  console.error("[safeguard] unexpected error", error);
  return { status: 500, body: { error: "Something went wrong. Please try again." } };
}

function driverCode(error: unknown): unknown {
  return (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } }).meta?.driverAdapterError?.cause?.originalCode;
}
