#!/usr/bin/env bash
# `npm run demo`: Safeguard on this machine with simulated AWS and Azure estates.
# Installs dependencies when missing, ensures PostgreSQL + Redis, migrates, seeds a demo
# organisation, starts the cloud simulator, the worker and the web app, and prints the logins.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/env.sh

mkdir -p .data/logs
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "Installing dependencies (npm ci)…"
  npm ci --no-audit --no-fund
fi

# Secrets for this machine's demo, generated once and kept out of git (.data/ is ignored).
if [ ! -f .data/demo.env ]; then
  {
    echo "SAFEGUARD_ENCRYPTION_KEY=$(node -e 'console.log(require("crypto").randomBytes(32).toString("base64"))')"
    echo "NEXTAUTH_SECRET=$(node -e 'console.log(require("crypto").randomBytes(32).toString("base64"))')"
  } > .data/demo.env
fi
set -a; source .data/demo.env; set +a

export NEXTAUTH_URL="${NEXTAUTH_URL:-http://localhost:3000}"
source scripts/lib/sim-env.sh

say "Checking PostgreSQL and Redis…"
bash scripts/services.sh
say "Migrating…"
bash scripts/prisma.sh generate >/dev/null 2>&1 || bash scripts/prisma.sh generate
bash scripts/prisma.sh migrate deploy >/dev/null 2>&1 || bash scripts/prisma.sh migrate deploy
npx tsx scripts/preflight.ts >/dev/null

# Job control puts each background service in its own process group, so stopping kills npm, tsx and
# node beneath it together instead of leaving orphans holding the ports.
set -m
pids=()
cleanup() {
  trap - INT TERM EXIT
  say "Stopping…"
  for pid in "${pids[@]}"; do kill -- "-$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup INT TERM EXIT

wait_http() { # url seconds name
  for _ in $(seq 1 "$2"); do curl -fs -o /dev/null "$1" 2>/dev/null && return 0; sleep 1; done
  die "$3 did not start; see .data/logs/"
}

say "Starting the cloud simulator on :$SIM_PORT…"
npm run --silent sim -- serve --port "$SIM_PORT" --https-port "$SIM_HTTPS_PORT" --seed 42 --aws-accounts 2 --azure-subscriptions 1 \
  --resources 400 --misconfigured 0.2 --drift-every-minutes "${SIM_DRIFT_EVERY_MINUTES:-3}" > .data/logs/sim.log 2>&1 &
pids+=($!)
wait_http "$SIM_URL/_sim/estate" 60 "The cloud simulator"

say "Seeding the demo organisation…"
npx tsx prisma/seed.ts | tee .data/logs/seed.log

if [ ! -f apps/web/.next/BUILD_ID ] || [ -n "$(find apps/web packages -newer apps/web/.next/BUILD_ID -name '*.ts*' -not -path '*/node_modules/*' -not -path '*/.next/*' -print -quit)" ]; then
  say "Building the web app (first run takes a couple of minutes)…"
  npm run --silent build -w @safeguard/web > .data/logs/web-build.log 2>&1 || { tail -30 .data/logs/web-build.log; die "web build failed"; }
fi

say "Starting the worker and the web app…"
NODE_EXTRA_CA_CERTS="$(sim_ca_cert)" npm run --silent start -w @safeguard/worker > .data/logs/worker.log 2>&1 &
pids+=($!)
npm run --silent start -w @safeguard/web > .data/logs/web.log 2>&1 &
pids+=($!)
wait_http "http://127.0.0.1:3000/api/health" 120 "The web app"

cat <<MSG

  Safeguard is running: $NEXTAUTH_URL

$(grep -E '^\s+(owner|admin|security|auditor|viewer)' .data/logs/seed.log || true)

  Cloud simulator: $SIM_URL/_sim/estate  (drift: npm run sim -- drift random --count 5)
  Logs: .data/logs/   Stop: Ctrl-C
MSG
wait
