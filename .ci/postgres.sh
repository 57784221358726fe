#!/usr/bin/env bash
# Throwaway PostgreSQL cluster for the tracking-store tests.
#   bash .ci/postgres.sh start   # installs Debian's postgresql if missing, starts a cluster, prints the export line
#   bash .ci/postgres.sh stop    # stops the cluster and removes its folder
# Listens on 127.0.0.1 only, port $PIPELINE_PG_PORT (default 54329), trust auth: for local tests only.
set -euo pipefail

PORT="${PIPELINE_PG_PORT:-54329}"
STATE_DIR="${PIPELINE_PG_STATE:-/tmp/pipeline-postgres-$PORT}"
DATA_DIR="$STATE_DIR/data"
ENV_FILE="$STATE_DIR/env.sh"
URI="postgresql://postgres@127.0.0.1:$PORT/postgres"

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi
}

install_if_missing() {
  [ -n "$(pg_bin)" ] || bash "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh" postgres.sh postgresql
}

start() {
  install_if_missing
  local bin; bin=$(pg_bin)
  mkdir -p "$STATE_DIR"
  chown postgres "$STATE_DIR"
  if [ ! -f "$DATA_DIR/PG_VERSION" ]; then
    as_postgres "$bin/initdb" -D "$DATA_DIR" -U postgres --auth=trust --encoding=UTF8 --locale=C >/dev/null
  fi
  if ! as_postgres "$bin/pg_ctl" -D "$DATA_DIR" status >/dev/null 2>&1; then
    # fsync off: a throwaway test cluster need not survive a power loss, and tests run faster.
    as_postgres "$bin/pg_ctl" -D "$DATA_DIR" -l "$STATE_DIR/server.log" -w -t 60 start \
      -o "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$STATE_DIR -c max_connections=200 -c fsync=off" >/dev/null
  fi
  echo "export PIPELINE_TEST_POSTGRES_URI=$URI" > "$ENV_FILE"
  echo "export PIPELINE_TEST_POSTGRES_URI=$URI"
  echo "postgres.sh: cluster up on 127.0.0.1:$PORT (data $DATA_DIR); 'source $ENV_FILE' to use it" >&2
}

stop() {
  local bin; bin=$(pg_bin || true)
  if [ -n "$bin" ] && [ -f "$DATA_DIR/PG_VERSION" ]; then
    as_postgres "$bin/pg_ctl" -D "$DATA_DIR" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$STATE_DIR"
  echo "postgres.sh: cluster on port $PORT stopped" >&2
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
