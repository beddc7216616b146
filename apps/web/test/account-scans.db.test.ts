import { beforeAll, describe, expect, it, vi } from "vitest";
import { withTenant } from "@safeguard/db/tenant";
import { useTestDatabase } from "@safeguard/db/testing/use-test-database";
import { cancelScanAction, connectAccountAction, scanNowAction } from "../app/(app)/[orgSlug]/accounts/actions";
import { GET as accountsGET } from "../app/api/orgs/[orgSlug]/accounts/route";
import { GET as historyGET } from "../app/api/orgs/[orgSlug]/accounts/[accountId]/scans/route";
import { jsonRequest, routeContext, seedOrg, signInAs, type SeededOrg } from "./harness";

vi.mock("../server/session", () => ({ getSessionClaims: vi.fn() }));
vi.mock("@safeguard/jobs/queues", () => ({ enqueue: vi.fn(async () => "job-1") }));
useTestDatabase();

let a: SeededOrg;
let b: SeededOrg;
let accountA = "";
let accountB = "";
const AWS = { provider: "AWS" as const, name: "Production", externalAccountId: "123456789012", roleArn: "arn:aws:iam::123456789012:role/SafeguardAudit", regions: ["us-east-1"] };

beforeAll(async () => {
  a = await seedOrg("scans-alpha");
  b = await seedOrg("scans-bravo");
  for (const [org, set] of [[a, (id: string) => (accountA = id)], [b, (id: string) => (accountB = id)]] as const) {
    signInAs(org.users.OWNER);
    const created = await connectAccountAction(org.slug, AWS);
    if (!created.ok) throw new Error(created.error);
    set(created.data.accountId);
  }
});

describe("account scan state", () => {
  it("the list carries the queued scan's progress, the history lists it, and cancelling ends it", async () => {
    signInAs(a.users.SECURITY_OFFICER);
    const queued = await scanNowAction(a.slug, { accountId: accountA });
    if (!queued.ok) throw new Error(queued.error);
    const list = await (await accountsGET(jsonRequest("/x"), routeContext({ orgSlug: a.slug }))).json();
    expect(list[0].currentScan).toMatchObject({ id: queued.data.scanRunId, status: "QUEUED", phase: "QUEUED", trigger: "MANUAL", percent: 0 });
    expect(list[0].lastCoverage).toBeNull();

    expect(await cancelScanAction(a.slug, { scanRunId: queued.data.scanRunId })).toMatchObject({ ok: true });
    const res = await historyGET(jsonRequest("/x"), routeContext({ orgSlug: a.slug, accountId: accountA }));
    expect(res.status).toBe(200);
    const history = await res.json();
    expect(history[0]).toMatchObject({ id: queued.data.scanRunId, status: "CANCELLED", cancelRequested: true });
    const after = await (await accountsGET(jsonRequest("/x"), routeContext({ orgSlug: a.slug }))).json();
    expect(after[0].currentScan).toBeNull();
  });

  it("shows the coverage of the last completed scan, gaps first", async () => {
    await withTenant(a.orgId, (tx) =>
      tx.scanRun.create({
        data: {
          orgId: a.orgId, accountId: accountA, kind: "FULL", trigger: "SCHEDULE", status: "SUCCEEDED", phase: "DONE", finishedAt: new Date(),
          regionCoverage: [{ region: "us-east-1", status: "ok", resources: 5 }, { region: "eu-west-1", status: "no-recorder", resources: 0 }],
        },
      }),
    );
    signInAs(a.users.VIEWER);
    const list = await (await accountsGET(jsonRequest("/x"), routeContext({ orgSlug: a.slug }))).json();
    expect(list[0].lastCoverage.coverage).toMatchObject({ ok: 1, noRecorder: 1, error: 0 });
    expect(list[0].lastCoverage.coverage.regions[0].region).toBe("eu-west-1");
  });

  it("another organisation's account history is 404, a malformed id too, and non-members get 404", async () => {
    signInAs(a.users.VIEWER);
    expect((await historyGET(jsonRequest("/x"), routeContext({ orgSlug: a.slug, accountId: accountB }))).status).toBe(404);
    expect((await historyGET(jsonRequest("/x"), routeContext({ orgSlug: a.slug, accountId: "nope" }))).status).toBe(404);
    expect((await historyGET(jsonRequest("/x"), routeContext({ orgSlug: b.slug, accountId: accountB }))).status).toBe(404);
  });
});
