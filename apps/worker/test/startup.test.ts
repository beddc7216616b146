import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@safeguard/db/testing/use-test-database";

// Bad configuration: one clear line on stderr and exit code 1, never a stack trace.
const db = useTestDatabase();
const main = resolve(import.meta.dirname, "../src/main.ts");
const tsx = resolve(import.meta.dirname, "../../../node_modules/.bin/tsx");

function start(env: Record<string, string | undefined>) {
  const result = spawnSync(tsx, [main], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, REDIS_URL: "redis://127.0.0.1:6379", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  const lines = result.stderr.split("\n").filter((l) => l.trim() && !/ExperimentalWarning|NodeVersionSupportWarning|--trace-warnings/.test(l));
  return { status: result.status, lines };
}

describe("worker start-up with bad configuration", () => {
  it("says DATABASE_URL is missing", () => {
    const { status, lines } = start({ DATABASE_URL: undefined });
    expect(status).toBe(1);
    expect(lines).toEqual([expect.stringMatching(/^safeguard worker: DATABASE_URL is not set/)]);
  });

  it("says Postgres cannot be reached", () => {
    const { status, lines } = start({ DATABASE_URL: "postgresql://safeguard_app:x@127.0.0.1:1/safeguard" });
    expect(status).toBe(1);
    expect(lines).toEqual([expect.stringMatching(/^safeguard worker: Cannot connect to PostgreSQL .* start PostgreSQL/)]);
  });

  it("says Redis is down", () => {
    const { status, lines } = start({ DATABASE_URL: db.current().appUrl, REDIS_URL: "redis://127.0.0.1:1" });
    expect(status).toBe(1);
    expect(lines).toEqual(["safeguard worker: Redis does not answer at 127.0.0.1:1 — start it (`npm run services`) or fix REDIS_URL."]);
  });

  it("says REDIS_URL is malformed", () => {
    const { status, lines } = start({ DATABASE_URL: "postgresql://safeguard_app:x@127.0.0.1:1/safeguard", REDIS_URL: "not a url" });
    expect(status).toBe(1);
    expect(lines).toEqual([expect.stringMatching(/^safeguard worker: Worker configuration is invalid: REDIS_URL/)]);
  });
});
