// Test fixtures for the scan pipeline: an organisation, an AWS account, snapshot builders and a
// helper that runs one scan through the real use cases (request -> claim -> execute) from a list
// of source events. Used by core's *.db.test.ts files; no mocks: real Postgres, real checks.
import { randomUUID } from "node:crypto";
import type { ResourceSnapshot } from "@safeguard/controls/snapshot";
import { withTenant } from "@safeguard/db/tenant";
import { createCloudAccount } from "../../accounts/create-cloud-account";
import { executeScan } from "../execute-scan";
import { claimScan } from "../lease";
import { requestScan } from "../request-scan";
import { loadScanTarget } from "../scan-target";
import type { SourceEvent } from "../source";

export const AWS_ACCOUNT = "123456789012";

export async function createOrg(name = "Org"): Promise<string> {
  const id = randomUUID();
  await withTenant(id, (tx) => tx.organization.create({ data: { id, slug: `${name.toLowerCase()}-${id.slice(0, 8)}`, name } }));
  return id;
}

export async function createAwsAccount(orgId: string, regions = ["us-east-1", "us-west-2"], externalAccountId = AWS_ACCOUNT): Promise<string> {
  const a = await withTenant(orgId, (tx) =>
    createCloudAccount({
      tx,
      orgId,
      input: { provider: "AWS", name: "Prod", externalAccountId, roleArn: `arn:aws:iam::${externalAccountId}:role/Safeguard`, externalId: "sg-test-external-id", regions },
    }),
  );
  return a.id;
}

export function volume(id: string, encrypted: boolean, region = "us-east-1", tags: Record<string, string> = {}): ResourceSnapshot {
  return {
    provider: "aws",
    nativeId: `arn:aws:ec2:${region}:${AWS_ACCOUNT}:volume/${id}`,
    resourceId: id,
    resourceType: "AWS::EC2::Volume",
    accountId: AWS_ACCOUNT,
    region,
    name: id,
    tags,
    configuration: { volumeId: id, encrypted, state: { value: "in-use" } },
    supplementaryConfiguration: {},
    relationships: [],
    capturedAt: "2026-11-20T10:00:00.000Z",
  };
}

export function regionFacts(region: string, ebsEncryptionByDefault = true): ResourceSnapshot {
  return {
    provider: "aws",
    nativeId: `arn:aws:safeguard:${region}:${AWS_ACCOUNT}:region`,
    resourceId: region,
    resourceType: "Safeguard::AWS::Region",
    accountId: AWS_ACCOUNT,
    region,
    name: region,
    tags: {},
    configuration: { region, ebsEncryptionByDefault, guardDutyDetectorIds: [], securityHub: null, configurationRecorders: [], configurationRecorderStatuses: [], trails: [], collectionErrors: [] },
    supplementaryConfiguration: {},
    relationships: [],
    capturedAt: null,
  };
}

/** A full scan's events: the snapshots per region, then each region's coverage ("ok" unless told). */
export function regionEvents(byRegion: Record<string, ResourceSnapshot[]>, failed: Record<string, string> = {}): SourceEvent[] {
  const out: SourceEvent[] = [];
  for (const [region, snapshots] of Object.entries(byRegion)) {
    if (failed[region]) {
      out.push({ kind: "coverage", region, status: "error", resources: 0, error: { scope: region, api: "config:SelectResourceConfig", code: "ServiceUnavailable", message: failed[region] } });
      continue;
    }
    out.push({ kind: "snapshots", region, snapshots });
    out.push({ kind: "coverage", region, status: "ok", resources: snapshots.length });
  }
  return out;
}

export async function* fromList(events: SourceEvent[], failAfter?: number): AsyncGenerator<SourceEvent> {
  let i = 0;
  for (const e of events) {
    if (failAfter !== undefined && i++ >= failAfter) throw new Error("simulated crash mid-scan");
    yield e;
  }
}

/** request -> claim -> execute, as the worker does (without Redis). */
export async function scanOnce(orgId: string, accountId: string, events: SourceEvent[] | AsyncIterable<SourceEvent>, kind: "FULL" | "INCREMENTAL" = "FULL") {
  const run = await withTenant(orgId, (tx) => requestScan({ tx, accountId, kind, trigger: "MANUAL" }));
  const owner = `test-${randomUUID()}`;
  const claimed = await withTenant(orgId, (tx) => claimScan({ tx, scanRunId: run.id, owner, leaseMs: 60_000 }));
  if (!claimed) throw new Error("claim failed");
  const target = await withTenant(orgId, (tx) => loadScanTarget({ tx, accountId }));
  const source = Array.isArray(events) ? fromList(events) : (events as AsyncIterable<SourceEvent>);
  try {
    const out = await executeScan({
      scanRunId: run.id, owner, kind: claimed.kind, target, source,
      checkpoint: async () => undefined,
      progress: () => undefined,
    });
    return { scanRunId: run.id, owner, ...out };
  } catch (error) {
    // Leave the run like the worker would, so the next request is not refused as "in flight".
    await withTenant(orgId, (tx) => tx.scanRun.update({ where: { id: run.id }, data: { status: "FAILED", phase: "DONE", leaseOwner: null } }));
    throw error;
  }
}
