import { describe, expect, it } from "vitest";
import { CHECKS, checksForType, contextTypesFor, dependentTypesOf, RESOURCE_TYPES } from "./catalog";
import { buildContext, evaluateResource } from "./engine";
import { parseScope, type Scope } from "./scope";
import type { ResourceSnapshot } from "./snapshot";

const snap = (over: Partial<ResourceSnapshot>): ResourceSnapshot => ({
  provider: "aws", nativeId: "arn:x", resourceId: "x", resourceType: "AWS::S3::Bucket", accountId: "111122223333", region: "us-east-1",
  name: "x", tags: {}, configuration: {}, supplementaryConfiguration: {}, relationships: [], capturedAt: null, ...over,
});

// Shapes a collector might hand over for a resource that was only partly read.
const GARBAGE: Array<Record<string, unknown>> = [
  {}, { properties: null }, { properties: "x" }, { ipPermissions: "x", entries: 5, listenerDescriptions: {}, policyVersionList: [null, 1] },
  { passwordPolicy: 7, credentialReport: "csv", trails: {}, configurationRecorders: "x" }, { properties: { securityRules: [null, 1, "x"] } },
];

describe("evaluateResource on partial or malformed items", () => {
  const empty = buildContext([]);
  for (const check of CHECKS) {
    it(`${check.id} never throws and explains any ERROR/NOT_APPLICABLE`, () => {
      const type = check.resourceTypes[0] === "*" ? (check.provider === "aws" ? "AWS::S3::Bucket" : "microsoft.storage/storageaccounts") : check.resourceTypes[0]!;
      const provider = check.provider;
      const cases: ResourceSnapshot[] = [snap({ provider, resourceType: type, configuration: null })];
      for (const g of GARBAGE) cases.push(snap({ provider, resourceType: type, configuration: g, supplementaryConfiguration: { ...g } }));
      for (const s of cases) {
        const v = evaluateResource(s, empty).find((x) => x.checkId === check.id);
        expect(v).toBeDefined();
        if (v!.status === "ERROR" || v!.status === "NOT_APPLICABLE") expect(v!.reason, JSON.stringify(s.configuration)).toBeTruthy();
      }
      const missing = evaluateResource(cases[0]!, empty).find((x) => x.checkId === check.id)!;
      if (check.needsConfiguration) expect(missing.status).toBe("ERROR");
    });
  }
});

describe("engine", () => {
  it("turns a throwing check into ERROR with its message", () => {
    const s = snap({ configuration: {} });
    Object.defineProperty(s, "supplementaryConfiguration", { get() { throw new Error("boom"); } });
    const vs = evaluateResource(s, buildContext([]));
    expect(vs.some((v) => v.status === "ERROR" && v.reason?.includes("boom"))).toBe(true);
  });

  it("flags scope per verdict: PHI_TAGGED mode with custom, case-insensitive tags", () => {
    const scope: Scope = parseScope({ mode: "PHI_TAGGED", phiTags: [{ key: "classification", values: ["Restricted-PHI"] }] });
    const tagged = snap({ tags: { CLASSIFICATION: "restricted-phi" } });
    const untagged = snap({ tags: { classification: "public" } });
    const ctx = buildContext([tagged, untagged]);
    expect(evaluateResource(tagged, ctx, scope).every((v) => v.inScope)).toBe(true);
    expect(evaluateResource(untagged, ctx, scope).every((v) => !v.inScope)).toBe(true);
    expect(evaluateResource(untagged, ctx).every((v) => v.inScope)).toBe(true);
  });

  it("indexes account and region facts and resolves Azure ids case-insensitively", () => {
    const region = snap({ resourceType: "Safeguard::AWS::Region", region: "eu-west-1", resourceId: "r" });
    const vm = snap({ provider: "azure", resourceType: "microsoft.compute/virtualmachines", nativeId: "/subscriptions/S/resourceGroups/RG/providers/Microsoft.Compute/virtualMachines/vm1", resourceId: "/subscriptions/S/resourceGroups/RG/providers/Microsoft.Compute/virtualMachines/vm1" });
    const ctx = buildContext([region, vm]);
    expect(ctx.region("111122223333", "eu-west-1")).toBe(region);
    expect(ctx.byNativeId("/subscriptions/s/resourcegroups/rg/providers/microsoft.compute/virtualmachines/VM1")).toBe(vm);
  });

  it("precomputes checksForType and exposes dependency maps for incremental re-scans", () => {
    expect(checksForType("AWS::S3::Bucket")).toBe(checksForType("AWS::S3::Bucket"));
    expect(contextTypesFor("AWS::CloudTrail::Trail")).toContain("AWS::S3::Bucket");
    expect(dependentTypesOf("AWS::S3::Bucket")).toContain("AWS::CloudTrail::Trail");
    expect(dependentTypesOf("AWS::EC2::RouteTable").sort()).toEqual(["AWS::EC2::Instance", "AWS::EC2::Subnet"]);
    expect(dependentTypesOf("Safeguard::AWS::Region")).toContain("AWS::RDS::DBInstance");
    expect(checksForType("Safeguard::AWS::Account").some((c) => c.id.includes("tags"))).toBe(false);
    // The synthetic Entra tenant row is settings, not a resource: no tag or BAA checks on it.
    expect(checksForType("safeguard::azure::tenant").map((c) => c.id)).toEqual(["azure.entra.tenant.privileged-users-mfa"]);
    expect(RESOURCE_TYPES.length).toBeGreaterThan(50);
  });

  it("counts: at least 100 AWS and 50 Azure checks, unique ids, citations in the rule tree", async () => {
    const { CITATIONS } = await import("./rule/standards");
    expect(CHECKS.filter((c) => c.provider === "aws").length).toBeGreaterThanOrEqual(100);
    expect(CHECKS.filter((c) => c.provider === "azure").length).toBeGreaterThanOrEqual(50);
    for (const c of CHECKS) {
      expect(c.id.startsWith(`${c.provider}.`), c.id).toBe(true);
      expect(c.citations.length, c.id).toBeGreaterThan(0);
      for (const x of c.citations) expect(CITATIONS.has(x), `${c.id} cites ${x}`).toBe(true);
      expect(c.remediation.console && c.remediation.cli && c.remediation.terraform, c.id).toBeTruthy();
    }
  });
});
