// Route handlers of the dashboards: tenancy (foreign ids and foreign slugs are 404), input errors
// (4xx naming the field, never 500), and the main happy paths, called as Next would call them.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "@safeguard/db/testing/use-test-database";
import { seedAccount, seedEstate } from "@safeguard/core/findings/testing/seed-estate";
import { jsonRequest, routeContext, seedOrg, signInAs, type SeededOrg } from "../../../../../test/harness";
import * as findingsRoute from "./route";
import * as findingRoute from "./[findingId]/route";
import * as exportRoute from "./export/route";
import * as facetsRoute from "./facets/route";
import * as resourcesRoute from "../resources/route";
import * as resourceRoute from "../resources/[resourceId]/route";
import * as overviewRoute from "../overview/route";
import * as trendRoute from "../overview/trend/route";
import * as exceptionsRoute from "../exceptions/route";
import * as decisionRoute from "../exceptions/[exceptionId]/decision/route";
import * as revokeRoute from "../exceptions/[exceptionId]/revoke/route";
import * as manualRoute from "../manual-controls/route";
import * as attestRoute from "../manual-controls/attestations/route";
import * as filesRoute from "../manual-controls/files/route";
import * as fileRoute from "../manual-controls/files/[fileId]/route";

vi.mock("../../../../../server/session", () => ({ getSessionClaims: vi.fn() }));
const db = useTestDatabase();

let a: SeededOrg;
let b: SeededOrg;
let owner: pg.Client;
const ids = { findingB: "", resourceB: "", exceptionB: "", fileB: "", findingA: "", accountA: "" };

beforeAll(async () => {
  process.env.SAFEGUARD_FILE_STORE = `/tmp/sg-route-files-${process.pid}`;
  a = await seedOrg("dash-alpha");
  b = await seedOrg("dash-bravo");
  owner = new pg.Client({ connectionString: db.current().ownerUrl });
  await owner.connect();
  ids.accountA = await seedAccount(owner, { orgId: a.orgId, name: "alpha-prod" });
  await seedEstate(owner, { orgId: a.orgId, accountId: ids.accountA, resources: 20, types: ["AWS::S3::Bucket"] });
  const accountB = await seedAccount(owner, { orgId: b.orgId, name: "bravo-prod" });
  await seedEstate(owner, { orgId: b.orgId, accountId: accountB, resources: 5, types: ["AWS::S3::Bucket"] });
  const one = async (sql: string, p: unknown[]) => (await owner.query<{ id: string }>(sql, p)).rows[0]!.id;
  ids.findingA = await one("SELECT id FROM findings WHERE org_id = $1 AND status = 'FAIL' LIMIT 1", [a.orgId]);
  ids.findingB = await one("SELECT id FROM findings WHERE org_id = $1 LIMIT 1", [b.orgId]);
  ids.resourceB = await one("SELECT id FROM resources WHERE org_id = $1 LIMIT 1", [b.orgId]);
  ids.exceptionB = await one(
    `INSERT INTO exceptions (org_id, scope, finding_id, justification, requested_by_id, expires_at)
     VALUES ($1, 'FINDING', $2, 'bravo accepted risk for a test of tenancy', $3, now() + interval '10 days') RETURNING id`,
    [b.orgId, ids.findingB, b.users.OWNER],
  );
  ids.fileB = await one(
    `INSERT INTO stored_files (org_id, purpose, file_name, content_type, size_bytes, sha256, storage_key)
     VALUES ($1, 'manual-control-evidence', 'b.pdf', 'application/pdf', 1, repeat('a', 64), 'sha256/aa/' || repeat('a', 64)) RETURNING id`,
    [b.orgId],
  );
});

afterAll(async () => {
  await owner?.end();
});

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const call = (h: Handler, path: string, params: Record<string, string>, method = "GET", body?: unknown) =>
  h(jsonRequest(`/api/orgs/${params.orgSlug}${path}`, method, body), routeContext(params));

describe("tenancy: another organisation's ids and slugs are 404", () => {
  it.each([
    ["finding", findingRoute.GET, "/findings/x", () => ({ findingId: ids.findingB })],
    ["resource", resourceRoute.GET, "/resources/x", () => ({ resourceId: ids.resourceB })],
    ["evidence file", fileRoute.GET, "/manual-controls/files/x", () => ({ fileId: ids.fileB })],
    ["malformed finding id", findingRoute.GET, "/findings/x", () => ({ findingId: "1 OR 1=1" })],
  ] as const)("GET %s of org B from org A → 404", async (_name, handler, path, params) => {
    signInAs(a.users.OWNER);
    const res = await call(handler as Handler, path, { orgSlug: a.slug, ...params() });
    expect(res.status).toBe(404);
  });

  it.each([
    ["decision", decisionRoute.POST, { decision: "APPROVED" }],
    ["revoke", revokeRoute.POST, {}],
  ] as const)("POST exception %s on org B's exception from org A → 404, and nothing changes", async (_n, handler, body) => {
    signInAs(a.users.OWNER);
    const res = await call(handler as Handler, "/exceptions/x", { orgSlug: a.slug, exceptionId: ids.exceptionB }, "POST", body);
    expect(res.status).toBe(404);
    const { rows } = await owner.query<{ status: string }>("SELECT status FROM exceptions WHERE id = $1", [ids.exceptionB]);
    expect(rows[0]!.status).toBe("PENDING");
  });

  it.each([
    ["findings", findingsRoute.GET], ["facets", facetsRoute.GET], ["resources", resourcesRoute.GET], ["overview", overviewRoute.GET],
    ["trend", trendRoute.GET], ["exceptions", exceptionsRoute.GET], ["manual controls", manualRoute.GET], ["export", exportRoute.GET],
  ] as const)("GET %s with org B's slug as a member of A only → 404", async (_n, handler) => {
    signInAs(a.users.OWNER);
    const res = await call(handler as Handler, "/x", { orgSlug: b.slug });
    expect(res.status).toBe(404);
  });
});

describe("input errors are 400 with the field named", () => {
  const cases: Array<[string, Handler, string, string, unknown, string]> = [
    ["unknown status", findingsRoute.GET as Handler, "/findings?status=CLOSED", "GET", undefined, "status.0"],
    ["foreign cursor", findingsRoute.GET as Handler, "/findings?cursor=abc", "GET", undefined, "cursor"],
    ["bad tag filter", resourcesRoute.GET as Handler, "/resources?tag==x", "GET", undefined, "tag"],
    ["bad trend range", overviewRoute.GET as Handler, "/overview?days=5", "GET", undefined, "days"],
    ["short justification", exceptionsRoute.POST as Handler, "/exceptions", "POST", { scope: "FINDING", findingId: "", justification: "no", expiresAt: "2030-01-01" }, "justification"],
    ["expiry too far", exceptionsRoute.POST as Handler, "/exceptions", "POST", null, "expiresAt"],
    ["short attestation", attestRoute.POST as Handler, "/manual-controls/attestations", "POST", { citation: "164.308(a)(1)(ii)(C)", statement: "ok" }, "statement"],
  ];
  it.each(cases)("%s", async (_n, handler, url, method, body, field) => {
    signInAs(a.users.OWNER);
    const payload = body === null
      ? { scope: "FINDING", findingId: ids.findingA, justification: "A long enough justification for the accepted risk here.", expiresAt: new Date(Date.now() + 500 * 86_400_000).toISOString() }
      : body;
    const res = await (handler)(jsonRequest(`/api/orgs/${a.slug}${url}`, method, payload), routeContext({ orgSlug: a.slug }));
    expect(res.status).toBe(400);
    const json = (await res.json()) as { issues: Array<{ field: string; message: string }> };
    expect(json.issues.map((i) => i.field)).toContain(field);
  });

  it("an upload that is not an accepted file type is 400 on field file", async () => {
    signInAs(a.users.SECURITY_OFFICER);
    const form = new FormData();
    form.set("file", new File([new Uint8Array([0x4d, 0x5a, 0x90, 0])], "report.pdf"));
    const req = new Request(`http://localhost/api/orgs/${a.slug}/manual-controls/files`, { method: "POST", body: form });
    const res = await (filesRoute.POST as Handler)(req, routeContext({ orgSlug: a.slug }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { issues: Array<{ field: string }> }).issues[0]!.field).toBe("file");
  });
});

describe("happy paths", () => {
  it("lists, filters and exports findings", async () => {
    signInAs(a.users.VIEWER);
    const res = await call(findingsRoute.GET as Handler, "/findings", { orgSlug: a.slug });
    expect(res.status).toBe(200);
    const page = (await res.json()) as { total: number; items: unknown[] };
    expect(page.total).toBeGreaterThan(0);
    const csv = await exportRoute.GET(jsonRequest(`/api/orgs/${a.slug}/findings/export?format=csv&status=FAIL`), routeContext({ orgSlug: a.slug }));
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    const text = await csv.text();
    const { rows } = await owner.query<{ n: number }>("SELECT count(*)::int AS n FROM findings WHERE org_id = $1 AND status = 'FAIL'", [a.orgId]);
    expect(text.split("\r\n").filter(Boolean)).toHaveLength(rows[0]!.n + 1);
  });

  it("four-eyes exception flow through the routes: requester cannot approve (409), another officer can", async () => {
    signInAs(a.users.SECURITY_OFFICER);
    const created = await call(exceptionsRoute.POST as Handler, "/exceptions", { orgSlug: a.slug }, "POST", {
      scope: "FINDING", findingId: ids.findingA, justification: "Compensated by the WAF in front of it; reviewed monthly.", expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    });
    expect(created.status).toBe(200);
    const { id } = (await created.json()) as { id: string };
    const self = await call(decisionRoute.POST as Handler, "/exceptions/x/decision", { orgSlug: a.slug, exceptionId: id }, "POST", { decision: "APPROVED" });
    expect(self.status).toBe(409);
    signInAs(a.users.VIEWER);
    const viewer = await call(decisionRoute.POST as Handler, "/exceptions/x/decision", { orgSlug: a.slug, exceptionId: id }, "POST", { decision: "APPROVED" });
    expect(viewer.status).toBe(403);
    signInAs(a.users.OWNER);
    const ok = await call(decisionRoute.POST as Handler, "/exceptions/x/decision", { orgSlug: a.slug, exceptionId: id }, "POST", { decision: "APPROVED" });
    expect(ok.status).toBe(200);
    const { rows } = await owner.query<{ suppressed: boolean }>("SELECT suppressed FROM findings WHERE id = $1", [ids.findingA]);
    expect(rows[0]!.suppressed).toBe(true);
  });

  it("serves the overview and the 90-day trend", async () => {
    signInAs(a.users.AUDITOR);
    const res = await call(overviewRoute.GET as Handler, "/overview?days=90", { orgSlug: a.slug });
    expect(res.status).toBe(200);
    const o = (await res.json()) as { hasAccounts: boolean; trend: unknown[] };
    expect(o.hasAccounts).toBe(true);
    expect(o.trend).toHaveLength(90);
  });
});
