import { describe, expect, it, beforeAll, vi } from "vitest";
import { z } from "zod";
import { can, PERMISSIONS, ROLES, type Permission } from "@safeguard/core/access/permissions";
import { ConflictError, NotFoundError, ValidationError } from "@safeguard/core/errors";
import { useTestDatabase } from "@safeguard/db/testing/use-test-database";
import { orgAction } from "../server/org-action";
import { orgRoute } from "../server/org-route";
import { jsonRequest, routeContext, seedOrg, signInAs, type SeededOrg } from "./harness";

vi.mock("../server/session", () => ({ getSessionClaims: vi.fn() }));
useTestDatabase();

let a: SeededOrg;
let b: SeededOrg;
beforeAll(async () => {
  a = await seedOrg("org-alpha");
  b = await seedOrg("org-bravo");
});

const permissions = Object.keys(PERMISSIONS) as Permission[];
const cases = permissions.flatMap((permission) => ROLES.map((role) => ({ permission, role, allowed: can(role, permission) })));

describe("RBAC matrix through orgRoute", () => {
  it.each(cases)("$permission as $role → allowed=$allowed", async ({ permission, role, allowed }) => {
    signInAs(a.users[role]);
    const route = orgRoute(permission, async ({ ctx, tx }) => ({ role: ctx.role, orgs: (await tx.organization.findMany({ select: { slug: true } })).map((o) => o.slug) }));
    const res = await route(jsonRequest(`/api/orgs/${a.slug}/x`), routeContext({ orgSlug: a.slug }));
    expect(res.status).toBe(allowed ? 200 : 403);
    // Inside the handler, row-level security shows this organisation only.
    if (allowed) expect(await res.json()).toEqual({ role, orgs: [a.slug] });
  });
});

describe("RBAC matrix through orgAction", () => {
  it.each(cases)("$permission as $role → allowed=$allowed", async ({ permission, role, allowed }) => {
    signInAs(a.users[role]);
    const action = orgAction(permission, z.object({ n: z.number() }), async ({ ctx, input }) => ({ role: ctx.role, n: input.n }));
    const result = await action(a.slug, { n: 7 });
    if (allowed) expect(result).toEqual({ ok: true, data: { role, n: 7 } });
    else expect(result).toMatchObject({ ok: false, status: 403 });
  });
});

describe("tenancy and session checks", () => {
  it.each(permissions)("a member of another organisation gets 404 for %s, even as its OWNER", async (permission) => {
    signInAs(b.users.OWNER);
    const handler = vi.fn(async () => "leak");
    const res = await orgRoute(permission, handler)(jsonRequest(`/api/orgs/${a.slug}/x`), routeContext({ orgSlug: a.slug }));
    expect(res.status).toBe(404);
    expect(handler).not.toHaveBeenCalled();
    expect(await orgAction(permission, z.any(), handler)(a.slug, {})).toMatchObject({ ok: false, status: 404 });
  });

  it("unknown or malformed slugs are 404; no session is 401; a retired session version is 401", async () => {
    signInAs(a.users.OWNER);
    const route = orgRoute("dashboard.read", async () => "ok");
    expect((await route(jsonRequest("/x"), routeContext({ orgSlug: "no-such-org" }))).status).toBe(404);
    expect((await route(jsonRequest("/x"), routeContext({ orgSlug: "../Org_Alpha" }))).status).toBe(404);
    signInAs(null);
    expect((await route(jsonRequest("/x"), routeContext({ orgSlug: a.slug }))).status).toBe(401);
    signInAs(a.users.OWNER, 0);
    expect((await route(jsonRequest("/x"), routeContext({ orgSlug: a.slug }))).status).toBe(401);
  });

  it("bad input is a 400 naming the field, never a 500", async () => {
    signInAs(a.users.OWNER);
    const schema = z.object({ name: z.string().min(3), count: z.coerce.number().int().max(10) });
    const route = orgRoute("dashboard.read", schema, async ({ input }) => input);
    const bad = await route(jsonRequest("/x", "POST", { name: "x", count: 99 }), routeContext({ orgSlug: a.slug }));
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body.issues.map((i: { field: string }) => i.field).sort()).toEqual(["count", "name"]);
    const notJson = await route(jsonRequest("/x", "POST", "{oops"), routeContext({ orgSlug: a.slug }));
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).issues[0].field).toBe("body");
    const plain = new Request("http://localhost/x", { method: "POST", headers: { "content-type": "text/plain" }, body: JSON.stringify({ name: "abc", count: 1 }) });
    const refused = await route(plain, routeContext({ orgSlug: a.slug }));
    expect(refused.status).toBe(400);
    expect((await refused.json()).issues[0].field).toBe("body");
    const get = await route(jsonRequest("/x?name=abc&count=4"), routeContext({ orgSlug: a.slug }));
    expect(await get.json()).toEqual({ name: "abc", count: 4 });
  });

  it("maps use-case errors: ValidationError 400, NotFoundError 404, ConflictError 409, malformed uuid 404", async () => {
    signInAs(a.users.ADMIN);
    const throwing = (error: unknown) => orgRoute("dashboard.read", async () => { throw error; })(jsonRequest("/x"), routeContext({ orgSlug: a.slug }));
    const v = await throwing(ValidationError.field("roleArn", "not an ARN"));
    expect(v.status).toBe(400);
    expect(await v.json()).toMatchObject({ issues: [{ field: "roleArn", message: "not an ARN" }] });
    expect((await throwing(new NotFoundError("Account"))).status).toBe(404);
    expect((await throwing(new ConflictError("already"))).status).toBe(409);
    const uuid = orgRoute("dashboard.read", async ({ tx }) => tx.cloudAccount.findUnique({ where: { id: "not-a-uuid" } }));
    expect((await uuid(jsonRequest("/x"), routeContext({ orgSlug: a.slug }))).status).toBe(404);
  });

  it("runs afterCommit work only when the transaction commits", async () => {
    signInAs(a.users.OWNER);
    const done: string[] = [];
    await orgAction("dashboard.read", z.any(), async ({ afterCommit }) => { afterCommit(() => done.push("ok")); })(a.slug, {});
    await orgAction("dashboard.read", z.any(), async ({ afterCommit }) => { afterCommit(() => done.push("rolled-back")); throw new ConflictError("no"); })(a.slug, {});
    expect(done).toEqual(["ok"]);
  });

  it("sends members of an MFA-requiring organisation without MFA to enrolment (403 mfa_enrolment_required)", async () => {
    const { withTenant } = await import("@safeguard/db/tenant");
    await withTenant(b.orgId, (tx) => tx.organization.update({ where: { id: b.orgId }, data: { requireMfa: true } }));
    signInAs(b.users.VIEWER);
    const res = await orgRoute("dashboard.read", async () => "ok")(jsonRequest("/x"), routeContext({ orgSlug: b.slug }));
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: "mfa_enrolment_required" });
    await withTenant(b.orgId, (tx) => tx.organization.update({ where: { id: b.orgId }, data: { requireMfa: false } }));
  });
});
