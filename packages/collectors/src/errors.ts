// A failed cloud call, as plain data: where it happened and what the cloud said. Core classifies it
// into an account status (packages/core/src/accounts/account-errors.ts) without importing this package.
export class CloudCallError extends Error {
  constructor(
    readonly provider: "aws" | "azure",
    readonly stage: string,
    readonly api: string,
    readonly code: string,
    message: string,
    readonly httpStatus?: number,
  ) {
    super(message);
    this.name = "CloudCallError";
  }
}

interface SdkErrorLike {
  name?: string;
  code?: string;
  Code?: string;
  message?: string;
  statusCode?: number;
  $metadata?: { httpStatusCode?: number };
}

/** Wraps whatever an SDK threw (AWS v3 ServiceException, Azure RestError, network errors). */
export function toCloudCallError(provider: "aws" | "azure", stage: string, api: string, error: unknown): CloudCallError {
  if (error instanceof CloudCallError) return error;
  const e = (error ?? {}) as SdkErrorLike;
  const code = e.Code ?? (typeof e.code === "string" ? e.code : undefined) ?? e.name ?? "Error";
  const status = e.$metadata?.httpStatusCode ?? e.statusCode;
  return new CloudCallError(provider, stage, api, code, e.message ?? String(error), status);
}

const ACCESS_CODES = new Set(["AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "AuthorizationError", "AuthorizationFailed"]);

export function isAccessDenied(e: CloudCallError): boolean {
  return ACCESS_CODES.has(e.code) || e.httpStatus === 403;
}
