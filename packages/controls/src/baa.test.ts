import { describe, expect, it } from "vitest";
import { BAA_LISTS, baaServiceFor, isBaaCovered, servicesNotCovered } from "./baa";

describe("BAA coverage", () => {
  it("maps resource types to dated, sourced BAA services", () => {
    expect(baaServiceFor("aws", "AWS::S3::Bucket")?.service).toBe("Amazon Simple Storage Service (S3)");
    expect(baaServiceFor("aws", "AWS::S3::Bucket")?.listDate).toBe("2026-05-22");
    expect(BAA_LISTS.aws.services).toBeGreaterThan(100);
    expect(BAA_LISTS.azure.source).toContain("learn.microsoft.com");
  });
  it("covers Azure child types of a listed type, case-insensitively", () => {
    expect(isBaaCovered("azure", "microsoft.sql/servers/databases")).toBe(true);
    expect(isBaaCovered("azure", "Microsoft.Storage/storageAccounts")).toBe(true);
  });
  it("treats Safeguard's synthetic types as covered and aliases describe-API types", () => {
    expect(isBaaCovered("aws", "Safeguard::AWS::Region")).toBe(true);
    expect(isBaaCovered("aws", "AWS::EC2::Snapshot")).toBe(true);
  });
  it("reports the services in use that no BAA covers", () => {
    expect(servicesNotCovered(["AWS::S3::Bucket", "AWS::GameLift::Fleet", "microsoft.fabricfake/widgets", "AWS::GameLift::Fleet"])).toEqual([
      { provider: "aws", resourceType: "AWS::GameLift::Fleet" },
      { provider: "azure", resourceType: "microsoft.fabricfake/widgets" },
    ]);
  });
  it("does not report identity configuration, which holds no ePHI, as a BAA gap", () => {
    expect(servicesNotCovered(["AWS::IAM::Role", "AWS::IAM::User", "microsoft.authorization/roleassignments", "AWS::GameLift::Fleet"])).toEqual([
      { provider: "aws", resourceType: "AWS::GameLift::Fleet" },
    ]);
  });
});
