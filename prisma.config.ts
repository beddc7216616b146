// Prisma CLI configuration (Prisma 7 reads no url from schema.prisma and loads no .env by itself:
// scripts/prisma.sh loads .env before running the CLI).
import { defineConfig } from "prisma/config";

// Migrations run as the owner role; the app itself connects as a less privileged role via DATABASE_URL.
const url = process.env.DATABASE_OWNER_URL || process.env.DATABASE_URL || undefined;

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: {
    url,
    // Optional. Without it, migrate dev / migrate diff --from-migrations create and drop a throwaway
    // prisma_migrate_shadow_db_<uuid> on the same server (needs CREATEDB). With it, that database is emptied
    // and reused instead.
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL || undefined,
  },
});
