// Why an account cannot be scanned, in words the customer can act on. Cloud errors reach here as
// plain data (collectors throw them; core does not import the collectors), are classified into one
// of the account statuses, and carry whether retrying could ever help.
import type { CloudAccountStatus } from "@safeguard/db/client";

export type AccountProblem = Exclude<CloudAccountStatus, "PENDING" | "ACTIVE" | "DISABLED">;

/** What a collector knows about a failed cloud call (structural: collectors' CloudCallError fits). */
export interface CloudErrorInfo {
  provider: "aws" | "azure";
  /** assume-role, config, iam, ec2, …, token, resource-graph, arm */
  stage: string;
  api?: string;
  code?: string;
  message: string;
  httpStatus?: number;
}

export class AccountAccessError extends Error {
  constructor(
    readonly status: AccountProblem,
    message: string,
    /** Transient (network, 5xx): BullMQ may retry. Otherwise the scan fails once, with no retry storm. */
    readonly retryable: boolean,
    readonly detail?: string,
  ) {
    super(message);
    this.name = "AccountAccessError";
  }
}

const MESSAGES: Record<AccountProblem, string> = {
  // AWS answers a wrong external ID exactly like a missing trust (AccessDenied), so both causes are named.
  ROLE_NOT_ASSUMABLE:
    "Safeguard could not assume the IAM role. Check that the role ARN is correct and the role exists, that its trust policy allows Safeguard's AWS principal to call sts:AssumeRole, and that the trust policy's sts:ExternalId condition is exactly the external ID shown on the account page.",
  EXTERNAL_ID_MISMATCH:
    "The role's trust policy requires a different external ID. Set the sts:ExternalId condition in the role's trust policy to the external ID shown on the account page.",
  MISSING_PERMISSION:
    "The role was assumed but lacks a permission Safeguard needs. Attach the AWS managed policies SecurityAudit and ReadOnlyAccess (or the Safeguard policy) to the role.",
  CONFIG_NOT_ENABLED:
    "AWS Config is not recording in any region in scope. Turn on an AWS Config recorder (all supported resource types, including global ones) in the account's regions.",
  AZURE_CREDENTIALS_INVALID:
    "Azure rejected the client secret. Check the tenant id, client (application) id and secret, and paste a current secret of the app registration.",
  AZURE_CREDENTIALS_EXPIRED:
    "The Azure client secret has expired. Create a new secret for the app registration in Entra ID and update it in Safeguard.",
  UNREACHABLE: "The cloud provider could not be reached. Safeguard will try again on the next scan.",
};

export function accountProblemMessage(status: AccountProblem): string {
  return MESSAGES[status];
}

const text = (e: CloudErrorInfo) => `${e.code ?? ""} ${e.message}`.toLowerCase();

/** Maps a failed cloud call to an account problem; null when it is not an account-level problem. */
export function classifyCloudError(e: CloudErrorInfo): AccountAccessError | null {
  const t = text(e);
  const detail = `${e.stage}${e.api ? ` ${e.api}` : ""}: ${e.code ?? "error"}: ${e.message}`;
  const make = (status: AccountProblem, retryable = false) => new AccountAccessError(status, MESSAGES[status], retryable, detail);

  if (e.provider === "azure") {
    if (t.includes("aadsts7000222")) return make("AZURE_CREDENTIALS_EXPIRED");
    if (t.includes("aadsts7000215") || t.includes("aadsts700016") || t.includes("aadsts90002") || t.includes("invalid_client")) {
      return make("AZURE_CREDENTIALS_INVALID");
    }
    if (e.stage === "token" && (e.httpStatus === 400 || e.httpStatus === 401)) return make("AZURE_CREDENTIALS_INVALID");
    if (e.httpStatus === 403 || e.code === "AuthorizationFailed") return make("MISSING_PERMISSION");
  } else {
    if (e.stage === "assume-role") {
      if (t.includes("external") && t.includes("id")) return make("EXTERNAL_ID_MISMATCH");
      if (e.code === "AccessDenied" || e.code === "NoSuchEntity" || e.code === "ValidationError" || e.code === "InvalidParameterValue" || e.code === "MalformedPolicyDocument") {
        return make("ROLE_NOT_ASSUMABLE");
      }
      if (e.code === "InvalidClientTokenId" || e.code === "SignatureDoesNotMatch") {
        // Safeguard's own credentials are wrong: an operator problem, but the account cannot be scanned.
        return new AccountAccessError("UNREACHABLE", "Safeguard's own AWS credentials were rejected; the operator has been told.", false, detail);
      }
    }
    if (e.code === "AccessDenied" || e.code === "AccessDeniedException" || e.code === "UnauthorizedOperation" || e.code === "AuthorizationError") {
      return make("MISSING_PERMISSION");
    }
  }
  if (e.httpStatus === undefined || e.httpStatus >= 500 || ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "TimeoutError"].includes(e.code ?? "")) {
    return make("UNREACHABLE", true);
  }
  return null;
}

/** No region in scope has a Config recorder: a distinct status, not a crash. */
export function configNotEnabled(regions: readonly string[]): AccountAccessError {
  return new AccountAccessError("CONFIG_NOT_ENABLED", MESSAGES.CONFIG_NOT_ENABLED, false, `no recorder in ${regions.join(", ")}`);
}
