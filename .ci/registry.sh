#!/usr/bin/env bash
# Two throwaway image registries on 127.0.0.1 for the push tests: Debian's docker-registry (the CNCF distribution
# registry, Docker Registry HTTP API v2), one without authentication and one behind htpasswd basic auth.
#   bash .ci/registry.sh start   installs docker-registry and apache2-utils if needed, starts both, prints
#                                `export PIPELINE_TEST_REGISTRY=127.0.0.1:5050` and the authenticated one's
#                                PIPELINE_TEST_REGISTRY_AUTH, _USERNAME and _PASSWORD (eval it)
#   bash .ci/registry.sh stop    stops both and removes their storage
# Ports: PIPELINE_REGISTRY_PORT (default 5050) and PIPELINE_REGISTRY_AUTH_PORT (default 5051). The Docker engine
# treats registries on 127.0.0.0/8 as insecure-allowed, so plain HTTP needs no engine configuration.
# Everything lives under one folder (PIPELINE_REGISTRY_DIR, default /tmp/pipeline-registry).
set -euo pipefail

root=${PIPELINE_REGISTRY_DIR:-/tmp/pipeline-registry}
plain_port=${PIPELINE_REGISTRY_PORT:-5050}
auth_port=${PIPELINE_REGISTRY_AUTH_PORT:-5051}
user=pipeline

say() { echo "registry.sh: $*" >&2; }

install_registry() {
  command -v docker-registry >/dev/null 2>&1 && command -v htpasswd >/dev/null 2>&1 && return 0
  bash "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh" registry.sh --no-install-recommends docker-registry apache2-utils
}

# write_config NAME PORT [HTPASSWD]: one instance's config.yml, storage under its own folder.
write_config() {
  local name=$1 port=$2 htpasswd=${3:-}
  mkdir -p "$root/$name/data"
  {
    echo "version: 0.1"
    echo "log: { level: warn, accesslog: { disabled: true } }"
    echo "storage:"
    echo "  filesystem: { rootdirectory: $root/$name/data }"
    echo "  delete: { enabled: true }"
    echo "http:"
    echo "  addr: 127.0.0.1:$port"
    echo "  secret: $(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
    if [ -n "$htpasswd" ]; then
      echo "auth:"
      echo "  htpasswd: { realm: pipeline-test, path: $htpasswd }"
    fi
  } > "$root/$name/config.yml"
}

# answers PORT: the v2 base endpoint answers (200 without auth, 401 with it).
answers() { curl -s -o /dev/null -w '%{http_code}' --max-time 3 "http://127.0.0.1:$1/v2/" 2>/dev/null | grep -qE '^(200|401)$'; }

# launch NAME PORT: starts the instance unless it already answers.
launch() {
  local name=$1 port=$2 pidfile="$root/$1/registry.pid"
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null && answers "$port"; then
    return 0
  fi
  # setsid: the registry outlives this script and is not killed by the caller's job control.
  setsid docker-registry serve "$root/$name/config.yml" >"$root/$name/registry.log" 2>&1 < /dev/null &
  echo $! > "$pidfile"
  local i
  for i in $(seq 1 40); do
    answers "$port" && return 0
    sleep 0.25
  done
  say "the $name registry did not answer on 127.0.0.1:$port within 10 s; last lines of $root/$name/registry.log:"
  tail -n 20 "$root/$name/registry.log" >&2 || true
  return 1
}

start() {
  install_registry
  mkdir -p "$root"
  local password
  if [ -f "$root/password" ]; then
    password=$(cat "$root/password")
  else
    password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
    (umask 077; echo "$password" > "$root/password")
    # -B: bcrypt, the only hash the distribution registry accepts.
    htpasswd -Bbn "$user" "$password" > "$root/htpasswd"
  fi
  [ -f "$root/plain/config.yml" ] || write_config plain "$plain_port"
  [ -f "$root/auth/config.yml" ] || write_config auth "$auth_port" "$root/htpasswd"
  launch plain "$plain_port"
  launch auth "$auth_port"
  echo "export PIPELINE_TEST_REGISTRY=127.0.0.1:$plain_port"
  echo "export PIPELINE_TEST_REGISTRY_AUTH=127.0.0.1:$auth_port"
  echo "export PIPELINE_TEST_REGISTRY_USERNAME=$user"
  echo "export PIPELINE_TEST_REGISTRY_PASSWORD=$password"
}

stop() {
  local name pid
  for name in plain auth; do
    if [ -f "$root/$name/registry.pid" ]; then
      pid=$(cat "$root/$name/registry.pid")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
      kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
    fi
  done
  rm -rf "$root"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
