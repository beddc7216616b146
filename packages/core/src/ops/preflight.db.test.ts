import { mkdtempSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "@safeguard/db/testing/use-test-database";
import { PreflightError, preflight } from "./preflight";

const migrationsDir = resolve(import.meta.dirname, "../../../../prisma/migrations");
const db = useTestDatabase();
const saved = process.env.DATABASE_URL;
afterEach(() => {
  process.env.DATABASE_URL = db.current().appUrl ?? saved;
});

const failure = async (opts: Parameters<typeof preflight>[0]) => {
  const error = await preflight(opts).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(PreflightError);
  const message = (error as Error).message;
  expect(message.split("\n")).toHaveLength(1);
  return message;
};

describe("preflight", () => {
  it("passes on a migrated database with Redis up", async () => {
    await expect(preflight({ migrationsDir, redisUrl: process.env.REDIS_URL ?? "redis://127.0.0.1:6379" })).resolves.toBeUndefined();
  });

  it("says DATABASE_URL is missing or malformed", async () => {
    delete process.env.DATABASE_URL;
    expect(await failure({ migrationsDir })).toMatch(/DATABASE_URL is not set/);
    process.env.DATABASE_URL = "mysql://x@y/z";
    expect(await failure({ migrationsDir })).toMatch(/must start with postgresql/);
    process.env.DATABASE_URL = "not a url";
    expect(await failure({ migrationsDir })).toMatch(/not a valid URL/);
  });

  it("says the database cannot be reached, without printing the password", async () => {
    process.env.DATABASE_URL = "postgresql://safeguard_app:hunter2hunter2@127.0.0.1:1/safeguard";
    const message = await failure({ migrationsDir, timeoutMs: 1000 });
    expect(message).toMatch(/Cannot connect to PostgreSQL/);
    expect(message).not.toContain("hunter2");
  });

  it("says how many migrations are pending", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sg-migrations-"));
    mkdirSync(join(dir, "20991231000000_future_change"));
    expect(await failure({ migrationsDir: dir })).toMatch(/1 database migration\(s\) not applied \(20991231000000_future_change\) — run `npm run db:migrate`/);
  });

  it("says Redis is down or REDIS_URL is malformed", async () => {
    expect(await failure({ migrationsDir, redisUrl: "redis://127.0.0.1:1", timeoutMs: 500 })).toMatch(/Redis does not answer at 127.0.0.1:1/);
    expect(await failure({ migrationsDir, redisUrl: "localhost:6379" })).toMatch(/REDIS_URL is not a valid/);
  });
});
