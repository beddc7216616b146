import { describe, expect, it } from "vitest";
import type { ResourceSnapshot } from "../../snapshot";
import { collectionError } from "./account-facts";

const account = (errors: unknown[]): ResourceSnapshot => ({
  provider: "aws", nativeId: "arn:aws:iam::123456789012:root", resourceId: "123456789012", resourceType: "Safeguard::AWS::Account",
  accountId: "123456789012", region: "global", name: "123456789012", tags: {}, configuration: { collectionErrors: errors },
  supplementaryConfiguration: {}, relationships: [], capturedAt: null,
});

describe("collectionError", () => {
  it("finds the collector's service-prefixed error by the operation name a check uses", () => {
    const r = account([{ api: "iam:ListVirtualMFADevices", code: "AccessDenied", message: "not authorized" }]);
    expect(collectionError(r, "ListVirtualMFADevices")).toBe("ListVirtualMFADevices failed: AccessDenied not authorized");
    expect(collectionError(r, "GetAccountSummary")).toBeUndefined();
  });

  it("still matches an unprefixed name and ignores malformed entries", () => {
    expect(collectionError(account([null, { api: 3 }, { api: "GetCredentialReport", code: "X" }]), "getcredentialreport")).toBe("getcredentialreport failed: X");
  });
});
