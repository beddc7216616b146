import { describe, expect, it } from "vitest";
import { fromAnyItem, fromAwsConfigItem, fromAzureGraphRow } from "./snapshot";

const base = { accountId: "111122223333", awsRegion: "us-east-1", resourceType: "AWS::S3::Bucket", resourceId: "b", arn: "arn:aws:s3:::b" };

describe("fromAwsConfigItem", () => {
  it("decodes BatchGetResourceConfig's JSON-string configuration and supplementary values", () => {
    const r = fromAwsConfigItem({ ...base, configuration: "{\"name\":\"b\"}", supplementaryConfiguration: { BucketPolicy: "{\"policyText\":null}", IsRequesterPaysEnabled: "false" }, configurationItemCaptureTime: "2026-01-01T00:00:00Z" });
    expect(r.ok && r.snapshot.configuration).toEqual({ name: "b" });
    expect(r.ok && r.snapshot.supplementaryConfiguration).toEqual({ BucketPolicy: { policyText: null }, IsRequesterPaysEnabled: false });
    expect(r.ok && r.snapshot.capturedAt).toBe("2026-01-01T00:00:00Z");
  });
  it("accepts a whole SelectResourceConfig result row as a JSON string, tags as [{key,value}]", () => {
    const r = fromAwsConfigItem(JSON.stringify({ ...base, configuration: { name: "b" }, tags: [{ key: "PHI", value: "true" }] }));
    expect(r.ok && r.snapshot.tags).toEqual({ PHI: "true" });
  });
  it("synthesises an ARN when the item has none", () => {
    const r = fromAwsConfigItem({ ...base, arn: undefined, configuration: {} });
    expect(r.ok && r.snapshot.nativeId).toBe("arn:aws:config:us-east-1:111122223333:AWS::S3::Bucket/b");
  });
  it.each([
    [null, "not a JSON object"], ["{oops", "not a JSON object"], [{ ...base, resourceType: "" }, "missing resourceType"],
    [{ ...base, resourceId: undefined }, "missing resourceId"], [{ ...base, configuration: "{bad" }, "not valid JSON"],
    [{ ...base, configuration: "[1]" }, "not a JSON object"], [{ ...base, tags: 5 }, "tags"],
    [{ ...base, configurationItemStatus: "ResourceDeleted" }, "deleted"],
  ])("returns a reason, never throws: %j", (raw, why) => {
    const r = fromAwsConfigItem(raw);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain(why);
  });
});

describe("fromAzureGraphRow", () => {
  const row = { id: "/subscriptions/S1/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/sa", name: "sa", type: "Microsoft.Storage/storageAccounts", location: "eastus", subscriptionId: "S1", tags: { PHI: "true" }, sku: { name: "Standard_LRS" }, properties: { minimumTlsVersion: "TLS1_2", changedTime: "2026-02-01T00:00:00Z" } };
  it("lower-cases the type and keeps the rest of the row as configuration", () => {
    const r = fromAzureGraphRow(row);
    expect(r.ok && r.snapshot.resourceType).toBe("microsoft.storage/storageaccounts");
    expect(r.ok && r.snapshot.configuration).toMatchObject({ sku: { name: "Standard_LRS" }, properties: { minimumTlsVersion: "TLS1_2" } });
    expect(r.ok && r.snapshot.capturedAt).toBe("2026-02-01T00:00:00Z");
    expect(r.ok && r.snapshot.accountId).toBe("S1");
  });
  it("uses global for rows without a location and reads the subscription from the id", () => {
    const r = fromAzureGraphRow({ id: "/subscriptions/S2/providers/Microsoft.Security/pricings/VirtualMachines", name: "VirtualMachines", type: "microsoft.security/pricings", location: "" });
    expect(r.ok && r.snapshot.region).toBe("global");
    expect(r.ok && r.snapshot.accountId).toBe("S2");
  });
  it.each([[{}, "missing id"], [{ id: "/x", type: "t" }, "subscriptionId"], [{ ...row, properties: [1] }, "properties"]])("rejects %j", (raw, why) => {
    const r = fromAzureGraphRow(raw);
    expect(!r.ok && r.reason).toContain(why);
  });
  it("fromAnyItem routes by shape", () => {
    expect(fromAnyItem(row).ok).toBe(true);
    expect(fromAnyItem({ foo: 1 }).ok).toBe(false);
  });
});
