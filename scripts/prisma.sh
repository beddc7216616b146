#!/usr/bin/env bash
# Runs the pinned Prisma CLI (root node_modules) from the repo root, with the offline schema engine
# (tools/prisma-schema-engine/shim.mjs) standing in for the native binary Prisma would download.
# Usage: bash scripts/prisma.sh <prisma args…>   e.g. bash scripts/prisma.sh migrate deploy
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# Prisma 7 no longer reads .env. Load KEY=VALUE lines, never overriding what the caller already set.
if [[ -f .env ]]; then
  while IFS= read -r line || [[ -n "$line" ]]; do
    [[ "$line" =~ ^[[:space:]]*(export[[:space:]]+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$ ]] || continue
    key="${BASH_REMATCH[2]}" value="${BASH_REMATCH[3]}"
    [[ -n "${!key+set}" ]] && continue
    if [[ "$value" =~ ^\"(.*)\"[[:space:]]*$ || "$value" =~ ^\'(.*)\'[[:space:]]*$ ]]; then
      value="${BASH_REMATCH[1]}"
    else
      value="${value%%[[:space:]]#*}" # unquoted: drop a trailing " # comment"
      value="${value%"${value##*[![:space:]]}"}"
    fi
    export "$key=$value"
  done < .env
fi

export PRISMA_SCHEMA_ENGINE_BINARY="$root/tools/prisma-schema-engine/shim.mjs"
export CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1
exec "$root/node_modules/.bin/prisma" "$@"
