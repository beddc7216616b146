#!/usr/bin/env bash
# `npm test`: everything a change must pass, against the real PostgreSQL and Redis.
#   typecheck -> lint -> schema/migration agreement -> unit + integration (vitest, every workspace)
#   -> end-to-end (Playwright in Debian's Chromium).
# SAFEGUARD_SKIP_E2E=1 skips the browser tests (for a quick local loop; CI never sets it).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/env.sh
started=$SECONDS
step() { say "── $* ($((SECONDS - started))s)"; }

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "installing dependencies"
  npm ci --no-audit --no-fund
fi
step "services"
bash scripts/services.sh
step "prisma generate + migrate deploy"
bash scripts/prisma.sh generate >/dev/null 2>&1 || bash scripts/prisma.sh generate
bash scripts/prisma.sh migrate deploy >/dev/null 2>&1 || bash scripts/prisma.sh migrate deploy
step "migrations match schema.prisma"
bash scripts/prisma.sh migrate diff --from-migrations prisma/migrations --to-schema prisma/schema.prisma --exit-code >/dev/null 2>&1 \
  || die "prisma/migrations and prisma/schema.prisma disagree: run \`npm run db:migrate:dev -- --name <change>\`."
step "prisma migrate works offline (schema-engine shim smoke test)"
bash tools/prisma-schema-engine/smoke.sh >/dev/null
step "typecheck"
npx turbo run typecheck --output-logs=errors-only
npx tsc -p tsconfig.json
step "lint"
npm run --silent lint
step "unit + integration tests"
export SAFEGUARD_SUMMARY_FILE
SAFEGUARD_SUMMARY_FILE=$(mktemp)
trap 'rm -f "$SAFEGUARD_SUMMARY_FILE"' EXIT
unit_status=0
bash scripts/vitest-all.sh || unit_status=$?
read -r passed failed _ < "$SAFEGUARD_SUMMARY_FILE" || { passed=0; failed=0; }
if [ "${SAFEGUARD_SKIP_E2E:-0}" != "1" ] && [ -f e2e/playwright.config.ts ]; then
  step "end-to-end: build the web app"
  npm run --silent build -w @safeguard/web >/tmp/safeguard-web-build.log 2>&1 || { tail -40 /tmp/safeguard-web-build.log; die "web build failed"; }
  [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || die "Chromium not found at ${CHROMIUM_PATH:-/usr/bin/chromium}: sudo apt-get install -y chromium (or set CHROMIUM_PATH)."
  step "end-to-end: Playwright"
  e2e_out=$(mktemp)
  e2e_status=0
  npm run --silent e2e -w @safeguard/e2e 2>&1 | tee "$e2e_out" || e2e_status=$?
  passed=$((passed + $(grep -oE '^ +[0-9]+ passed' "$e2e_out" | grep -oE '[0-9]+' | tail -1 || echo 0)))
  failed=$((failed + $(grep -oE '^ +[0-9]+ failed' "$e2e_out" | grep -oE '[0-9]+' | tail -1 || echo 0)))
  rm -f "$e2e_out"
  [ "$e2e_status" -eq 0 ] || unit_status=$e2e_status
fi
step "done"
# One closing line over every suite (vitest workspaces + Playwright).
echo "$passed passed, $failed failed"
exit "$unit_status"
