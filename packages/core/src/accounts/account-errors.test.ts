import { describe, expect, it } from "vitest";
import { classifyCloudError } from "./account-errors";

describe("cloud errors -> account status", () => {
  it.each([
    [{ provider: "aws", stage: "assume-role", code: "AccessDenied", message: "User: x is not authorized to perform: sts:AssumeRole" }, "ROLE_NOT_ASSUMABLE", false],
    [{ provider: "aws", stage: "assume-role", code: "AccessDenied", message: "the external ID does not match" }, "EXTERNAL_ID_MISMATCH", false],
    [{ provider: "aws", stage: "assume-role", code: "ValidationError", message: "not an IAM role ARN" }, "ROLE_NOT_ASSUMABLE", false],
    [{ provider: "aws", stage: "config", code: "AccessDeniedException", message: "not authorized to perform: config:SelectResourceConfig" }, "MISSING_PERMISSION", false],
    [{ provider: "azure", stage: "token", code: "invalid_client", message: "AADSTS7000215: Invalid client secret provided." }, "AZURE_CREDENTIALS_INVALID", false],
    [{ provider: "azure", stage: "token", code: "invalid_client", message: "AADSTS7000222: The provided client secret keys are expired." }, "AZURE_CREDENTIALS_EXPIRED", false],
    [{ provider: "aws", stage: "config", code: "ECONNREFUSED", message: "connect ECONNREFUSED" }, "UNREACHABLE", true],
  ] as const)("%o -> %s", (info, status, retryable) => {
    const e = classifyCloudError(info);
    expect(e?.status).toBe(status);
    expect(e?.retryable).toBe(retryable);
    expect(e?.message.length).toBeGreaterThan(40);
  });
});
