# Shared by every script: load .env (without overriding what the caller set) and apply defaults.
# shellcheck shell=bash
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if [ -f "$ROOT/.env" ]; then
  while IFS='=' read -r key value; do
    case "$key" in ''|\#*) continue ;; esac
    key="$(echo "$key" | tr -d '[:space:]')"
    value="${value%\"}"; value="${value#\"}"
    if [ -z "${!key+x}" ]; then export "$key=$value"; fi
  done < "$ROOT/.env"
fi
export DATABASE_OWNER_URL="${DATABASE_OWNER_URL:-postgresql://postgres@127.0.0.1:5432/safeguard}"
export DATABASE_URL="${DATABASE_URL:-postgresql://safeguard_app:safeguard_app@127.0.0.1:5432/safeguard}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
export CHECKPOINT_DISABLE=1 NEXT_TELEMETRY_DISABLED=1 TURBO_TELEMETRY_DISABLED=1 PRISMA_HIDE_UPDATE_MESSAGE=1
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
say() { printf '\033[1m%s\033[0m\n' "$*"; }
die() { printf '\033[31m✗ %s\033[0m\n' "$*" >&2; exit 1; }
