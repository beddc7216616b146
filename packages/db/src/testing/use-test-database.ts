import { afterAll, beforeAll } from "vitest";
import { closeDatabase } from "../pg";
import { createTestDatabase, type TestDatabase } from "./test-database";

/**
 * Call at the top of a *.db.test.ts file: the file gets its own freshly cloned database, and
 * DATABASE_URL (read lazily by prisma() and pgPool()) points at it as the application role.
 */
export function useTestDatabase(): { current(): TestDatabase } {
  let db: TestDatabase | undefined;
  beforeAll(async () => {
    db = await createTestDatabase();
    process.env.DATABASE_URL = db.appUrl;
  }, 120_000);
  afterAll(async () => {
    await closeDatabase();
    await db?.drop();
  });
  return {
    current() {
      if (!db) throw new Error("useTestDatabase(): the database is created in beforeAll");
      return db;
    },
  };
}
