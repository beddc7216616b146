import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { can, ROLES, type Permission } from "@safeguard/core/access/permissions";
import { useTestDatabase } from "@safeguard/db/testing/use-test-database";
import { jsonRequest, routeContext, seedOrg, signInAs, type SeededOrg } from "./harness";

/**
 * The RBAC matrix over the real routes: every route handler under app/api/orgs (found on disk, so a
 * new route cannot be forgotten) x every HTTP method it exports x every role. A role the matrix
 * refuses gets 403; a role it allows never does; a member of another organisation always gets 404;
 * nothing answers 500.
 */
vi.mock("../server/session", () => ({ getSessionClaims: vi.fn() }));
useTestDatabase();

const apiRoot = resolve(import.meta.dirname, "../app/api/orgs");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

type Handler = ((request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>) & { permission?: Permission };
interface RouteCase { path: string; method: (typeof METHODS)[number]; handler: Handler; permission: Permission }

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? routeFiles(join(dir, d.name)) : d.name === "route.ts" ? [join(dir, d.name)] : [],
  );
}

const routes: RouteCase[] = [];
const unguarded: string[] = [];
for (const file of routeFiles(apiRoot)) {
  const mod = (await import(file)) as Record<string, unknown>;
  const path = `/api/orgs/${relative(apiRoot, file).replace(/\/route\.ts$/, "")}`;
  for (const method of METHODS) {
    const handler = mod[method] as Handler | undefined;
    if (!handler) continue;
    if (!handler.permission) unguarded.push(`${method} ${path}`);
    else routes.push({ path, method, handler, permission: handler.permission });
  }
}

let a: SeededOrg;
let b: SeededOrg;
beforeAll(async () => {
  a = await seedOrg("routes-alpha");
  b = await seedOrg("routes-bravo");
});

async function call(route: RouteCase, slug: string): Promise<Response> {
  const params: Record<string, string> = {};
  const url = route.path.replace(/\[([^\]]+)\]/g, (_, name: string) => {
    params[name] = name === "orgSlug" ? slug : randomUUID();
    return params[name]!;
  });
  const body = route.method === "GET" || route.method === "DELETE" ? undefined : {};
  return route.handler(jsonRequest(url, route.method, body), routeContext(params));
}

describe("RBAC over every org route", () => {
  it("finds the routes, and every one goes through orgRoute (so it checks a permission)", () => {
    expect(routes.length).toBeGreaterThanOrEqual(20);
    expect(unguarded).toEqual([]);
  });

  it("never guards a write with a read permission", () => {
    const readOnly: Permission[] = ["dashboard.read", "findings.export", "audit.read", "members.read"];
    const writesGuardedByReads = routes.filter((r) => r.method !== "GET" && readOnly.includes(r.permission)).map((r) => `${r.method} ${r.path} (${r.permission})`);
    expect(writesGuardedByReads).toEqual([]);
  });

  const cases = routes.flatMap((route) => ROLES.map((role) => ({ ...route, role, allowed: can(role, route.permission), name: `${route.method} ${route.path}` })));
  it.each(cases)("$name as $role (needs $permission) → allowed=$allowed", async ({ role, allowed, ...route }) => {
    signInAs(a.users[role]);
    const response = await call(route, a.slug);
    expect(response.status).not.toBe(500);
    if (allowed) expect(response.status).not.toBe(403);
    else expect(response.status).toBe(403);
  });

  it.each(routes.map((r) => ({ ...r, name: `${r.method} ${r.path}` })))("$name from another organisation's owner → 404", async (route) => {
    signInAs(b.users.OWNER);
    const response = await call(route, a.slug);
    expect(response.status).toBe(404);
  });
});
