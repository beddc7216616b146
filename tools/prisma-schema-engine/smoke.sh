#!/usr/bin/env bash
# Smoke test of Prisma Migrate through the offline schema engine shim, against a real PostgreSQL.
# Creates a throwaway database, then: migrate deploy (the CLI creates the database through the shim),
# checks the hand-written SQL (CHECK, plpgsql, RLS, GRANT) arrived, migrate status, migrate diff
# --from-migrations --exit-code (shadow database) in both directions, migrate dev on a schema change,
# migrate reset; checks no shadow database was left behind; drops the database. Exits non-zero on any failure.
#
# Usage: bash tools/prisma-schema-engine/smoke.sh
#   SMOKE_SERVER_URL  server + credentials to use (default postgresql://postgres@127.0.0.1:5432), needs CREATEDB
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
server="${SMOKE_SERVER_URL:-postgresql://postgres@127.0.0.1:5432}"
server="${server%/}"
database="prisma_shim_smoke_$$_$RANDOM"
export SMOKE_DATABASE_URL="$server/$database"

work="$(mktemp -d)"
log="$work/prisma.log"
cp -r "$here/smoke/." "$work/"
# The config lives in the temp dir (so migrate dev can write there) and imports prisma from this repo.
cat > "$work/prisma.config.ts" <<CONFIG
import { defineConfig } from "$root/node_modules/prisma/config";
export default defineConfig({
  schema: "schema.prisma",
  migrations: { path: "migrations" },
  datasource: { url: process.env.SMOKE_DATABASE_URL },
});
CONFIG

shim() { node "$here/shim.mjs" --datasource "{\"url\":\"$1\"}" cli "$2" >/dev/null 2>&1; }
cleanup() {
  shim "$SMOKE_DATABASE_URL" drop-database || echo "smoke: could not drop $database" >&2
  rm -rf "$work"
}
trap cleanup EXIT

prisma() { bash "$root/scripts/prisma.sh" "$@" --config "$work/prisma.config.ts"; }
fail() {
  echo "FAIL: $1" >&2
  echo "---- prisma output ----" >&2
  cat "$log" >&2
  exit 1
}
# step <description> <expected exit code> <prisma args…>: runs prisma, output to the log, checks the exit code.
step() {
  local description="$1" expected="$2" started rc=0
  shift 2
  started=$(date +%s%N)
  : > "$log"
  prisma "$@" > "$log" 2>&1 || rc=$?
  [[ "$rc" == "$expected" ]] || fail "$description: exit code $rc, expected $expected"
  printf '  ok  %-62s %5d ms\n' "$description" $(( ($(date +%s%N) - started) / 1000000 ))
}
expect_log() { grep -q -- "$1" "$log" || fail "expected output containing: $1"; }

# Shadow databases on the server right now (name list, one a line).
shadow_databases() {
  (cd "$root" && SERVER_URL="$server/postgres" node --input-type=module -e '
    import pg from "pg";
    const client = new pg.Client({ connectionString: process.env.SERVER_URL });
    await client.connect();
    const { rows } = await client.query("SELECT datname FROM pg_database WHERE datname LIKE $1 ORDER BY 1", ["prisma_migrate_shadow_db_%"]);
    for (const row of rows) console.log(row.datname);
    await client.end();')
}

echo "prisma schema engine shim smoke test (database $database)"
shadows_before="$(shadow_databases)"

step "migrate deploy on a database that does not exist yet" 0 migrate deploy
expect_log "All migrations have been successfully applied"
step "CHECK, plpgsql function, RLS policy and GRANT are in place" 0 db execute --file "$work/assert.sql"
step "migrate status" 0 migrate status
expect_log "Database schema is up to date"
step "migrate diff --from-migrations --exit-code: in sync" 0 \
  migrate diff --from-migrations "$work/migrations" --to-schema "$work/schema.prisma" --exit-code
step "migrate diff --from-empty --script" 0 migrate diff --from-empty --to-schema "$work/schema.prisma" --script
expect_log 'CREATE TABLE "finding"'

# A schema change without a migration must be caught (the CI check must be able to fail).
sed -i 's/^  score    Int$/  score    Int\n  note     String?/' "$work/schema.prisma"
grep -q 'note     String?' "$work/schema.prisma" || fail "could not edit the fixture schema"
step "migrate diff --exit-code reports a schema change (exit 2)" 2 \
  migrate diff --from-migrations "$work/migrations" --to-schema "$work/schema.prisma" --exit-code
expect_log "Added column \`note\`"

step "migrate dev --name add_note (creates + applies a migration)" 0 migrate dev --name add_note
grep -q 'ADD COLUMN *"note" TEXT' "$work"/migrations/*_add_note/migration.sql || fail "migrate dev wrote no ADD COLUMN migration"
step "migrate diff --exit-code: in sync again" 0 \
  migrate diff --from-migrations "$work/migrations" --to-schema "$work/schema.prisma" --exit-code
step "migrate reset --force" 0 migrate reset --force
step "migrate status after reset" 0 migrate status
expect_log "Database schema is up to date"

[[ "$(shadow_databases)" == "$shadows_before" ]] || { : > "$log"; fail "shadow databases left behind: $(shadow_databases)"; }
echo "smoke: all steps passed"
