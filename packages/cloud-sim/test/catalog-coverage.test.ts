// The simulator and the check catalog agree: every check whose resource type the simulator generates sees
// at least one PASS and one FAIL over a small estate, and never an ERROR. Items go through the same
// normalisers the collectors use, in the shapes the wire returns (Select rows, ARG rows + ARM children).
import { CHECKS } from "@safeguard/controls/catalog";
import { buildContext, evaluateResource } from "@safeguard/controls/engine";
import type { ResourceSnapshot } from "@safeguard/controls/snapshot";
import { describe, expect, it } from "vitest";
import { generateEstate } from "../src/estate/generate";
import { azureSnapshots } from "./azure-snapshots";
import { awsAccountSnapshots } from "./fact-snapshots";
import { REFERENCE_TIME } from "./helpers";

function snapshotsOf(estate: ReturnType<typeof generateEstate>): ResourceSnapshot[] {
  const out: ResourceSnapshot[] = [];
  for (const account of estate.aws) out.push(...awsAccountSnapshots(account, ["us-east-1", "us-east-2", "us-west-2", "eu-west-1"]));
  out.push(...azureSnapshots(estate));
  return out;
}

/** Checks a realistic current estate cannot fail: EC2-Classic (instances outside a VPC) was retired in 2023. */
const CANNOT_FAIL = new Set(["aws.ec2.instance.in-vpc"]);

describe("simulated estate against the check catalog", () => {
  const estate = generateEstate({ seed: "coverage", awsAccounts: 2, azureSubscriptions: 2, resourcesPerAccount: 700, misconfiguredShare: 0.25, referenceTime: REFERENCE_TIME });
  // Entra ID is one directory per tenant, and the estate has one tenant: a clean estate's tenant (every admin
  // registered MFA) stands beside it so the tenant check can pass somewhere too.
  const cleanTenant = azureSnapshots(generateEstate({ seed: "coverage-clean", awsAccounts: 0, azureSubscriptions: 1, resourcesPerAccount: 1, misconfiguredShare: 0, referenceTime: REFERENCE_TIME }))
    .filter((s) => s.resourceType === "safeguard::azure::tenant");
  const snapshots = [...snapshotsOf(estate), ...cleanTenant];
  const context = buildContext(snapshots);
  const statuses = new Map<string, Map<string, string[]>>();
  for (const s of snapshots) {
    for (const v of evaluateResource(s, context)) {
      const byStatus = statuses.get(v.checkId) ?? new Map<string, string[]>();
      statuses.set(v.checkId, byStatus);
      const list = byStatus.get(v.status) ?? [];
      list.push(`${s.resourceType} ${s.resourceId}${v.reason ? `: ${v.reason}` : ""}`);
      byStatus.set(v.status, list);
    }
  }
  const generated = new Set(snapshots.map((s) => s.resourceType));
  const relevant = CHECKS.filter((c) => c.resourceTypes.some((t) => generated.has(t)) && !CANNOT_FAIL.has(c.id));

  it("generates resources for most of the catalog's types", () => {
    expect(relevant.length).toBeGreaterThan(100);
  });

  it.each(relevant.map((c) => [c.id] as const))("%s passes somewhere, fails somewhere, never errors", (id) => {
    const byStatus = statuses.get(id) ?? new Map<string, string[]>();
    const summary = { PASS: byStatus.get("PASS")?.length ?? 0, FAIL: byStatus.get("FAIL")?.length ?? 0, ERROR: (byStatus.get("ERROR") ?? []).slice(0, 2), NA: (byStatus.get("NOT_APPLICABLE") ?? []).slice(0, 2) };
    expect(summary.ERROR, JSON.stringify(summary)).toEqual([]);
    expect(summary.PASS, JSON.stringify(summary)).toBeGreaterThan(0);
    expect(summary.FAIL, JSON.stringify(summary)).toBeGreaterThan(0);
  });
});
