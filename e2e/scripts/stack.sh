#!/usr/bin/env bash
# The full stack for the Playwright tests, on ports of its own so it never meets a running demo:
# database safeguard_e2e (recreated), simulator :4577/:4578, worker, web :3100.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib/env.sh
trap 'kill 0 2>/dev/null' EXIT INT TERM

export DATABASE_OWNER_URL="${DATABASE_OWNER_URL%/*}/safeguard_e2e"
export DATABASE_URL="${DATABASE_URL%/*}/safeguard_e2e"
export SIM_PORT=4577 SIM_HTTPS_PORT=4578
source scripts/lib/sim-env.sh
export SAFEGUARD_ENCRYPTION_KEY="${SAFEGUARD_ENCRYPTION_KEY:-MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=}"
export NEXTAUTH_SECRET="e2e-secret-at-least-sixteen" NEXTAUTH_URL="http://localhost:${E2E_WEB_PORT:-3100}"
export SAFEGUARD_QUEUE_PREFIX="{safeguard-e2e}" SAFEGUARD_WATCHDOG_EVERY_MS=2000
mkdir -p .data/logs

psql_owner() { node -e 'const pg=require("pg");const c=new pg.Client(process.argv[1]);c.connect().then(()=>c.query(process.argv[2])).then(()=>c.end(),e=>{console.error(e.message);process.exit(1)})' "${DATABASE_OWNER_URL%/*}/postgres" "$1"; }
psql_owner "DROP DATABASE IF EXISTS safeguard_e2e WITH (FORCE)"
bash scripts/services.sh >/dev/null
bash scripts/prisma.sh migrate deploy >/dev/null
node -e 'const R=require("ioredis");const r=new R(process.env.REDIS_URL);r.keys("{safeguard-e2e}*").then(k=>k.length?r.del(...k):0).then(()=>r.quit())'

npm run --silent sim -- serve --port "$SIM_PORT" --https-port "$SIM_HTTPS_PORT" --seed 7 --aws-accounts 1 --azure-subscriptions 1 \
  --resources 150 --misconfigured 0.25 > .data/logs/e2e-sim.log 2>&1 &
for _ in $(seq 1 60); do curl -fs -o /dev/null "$SIM_URL/_sim/estate" && break; sleep 1; done
npx tsx prisma/seed.ts > .data/logs/e2e-seed.log 2>&1
NODE_EXTRA_CA_CERTS="$(sim_ca_cert)" npm run --silent start -w @safeguard/worker > .data/logs/e2e-worker.log 2>&1 &
cd apps/web && npx next start -p "${E2E_WEB_PORT:-3100}" 2>&1 | tee ../../.data/logs/e2e-web.log
