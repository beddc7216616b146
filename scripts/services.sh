#!/usr/bin/env bash
# Makes sure PostgreSQL and Redis answer, starting them when they are local and stopped, then
# creates the database and the application role. Used by `npm run demo` and `npm test`.
set -euo pipefail
source "$(dirname "$0")/lib/env.sh"

host_port() { # URL default_port -> "host port"
  node -e 'const u=new URL(process.argv[1]); console.log((u.hostname||"127.0.0.1").replace(/^\[|\]$/g,""), u.port||process.argv[2])' "$1" "$2" 2>/dev/null \
    || die "Cannot parse $1: expected a URL like postgresql://user@host:5432/db or redis://host:6379"
}
answers() { timeout 2 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null; }
is_local() { case "$1" in 127.*|localhost|::1) return 0 ;; *) return 1 ;; esac; }
docker_ok() { command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; }

read -r PG_HOST PG_PORT < <(host_port "$DATABASE_OWNER_URL" 5432)
read -r REDIS_HOST REDIS_PORT < <(host_port "$REDIS_URL" 6379)

wait_for() { # host port seconds
  for _ in $(seq 1 "$3"); do answers "$1" "$2" && return 0; sleep 1; done; return 1
}

ensure_postgres() {
  answers "$PG_HOST" "$PG_PORT" && return 0
  is_local "$PG_HOST" || die "PostgreSQL at $PG_HOST:$PG_PORT does not answer. Check DATABASE_URL / DATABASE_OWNER_URL, or start that server."
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    say "Starting PostgreSQL (Debian cluster)…"
    for version in $(ls /etc/postgresql); do
      pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null || true
    done
  elif docker_ok; then
    say "Starting PostgreSQL with docker compose…"
    docker compose -f "$ROOT/docker-compose.yml" up -d postgres
  fi
  wait_for "$PG_HOST" "$PG_PORT" 30 || die "PostgreSQL is not running on $PG_HOST:$PG_PORT and could not be started.
  Install it:   sudo apt-get install -y postgresql   (Debian/Ubuntu; then re-run this command)
  or run Docker and:   docker compose up -d postgres
  or point DATABASE_URL and DATABASE_OWNER_URL at a PostgreSQL 15+ server."
}

ensure_redis() {
  answers "$REDIS_HOST" "$REDIS_PORT" && return 0
  is_local "$REDIS_HOST" || die "Redis at $REDIS_HOST:$REDIS_PORT does not answer. Check REDIS_URL, or start that server."
  if command -v redis-server >/dev/null 2>&1; then
    say "Starting Redis…"
    mkdir -p "$ROOT/.data/redis"
    redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no \
      --maxmemory-policy noeviction --dir "$ROOT/.data/redis" --logfile "$ROOT/.data/redis/redis.log"
  elif docker_ok; then
    say "Starting Redis with docker compose…"
    docker compose -f "$ROOT/docker-compose.yml" up -d redis
  fi
  wait_for "$REDIS_HOST" "$REDIS_PORT" 15 || die "Redis is not running on $REDIS_HOST:$REDIS_PORT and could not be started.
  Install it:   sudo apt-get install -y redis-server   (Debian/Ubuntu; then re-run this command)
  or run Docker and:   docker compose up -d redis
  or point REDIS_URL at a Redis 6.2+ server."
}

ensure_postgres
ensure_redis
node "$ROOT/scripts/lib/db-setup.mjs"
