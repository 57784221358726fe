#!/usr/bin/env bash
# A throwaway Docker engine for the tests, isolated from the machine's own networking.
#   bash .ci/docker.sh start   installs Debian's docker.io if needed, starts dockerd, prints
#                              `export DOCKER_HOST=unix://...` (eval it)
#   bash .ci/docker.sh stop    stops that dockerd and removes its state
# dockerd is only ever started with --iptables=false --ip-forward=false --ip-masq=false --bridge=none:
# without them it would rewrite the machine's firewall and forwarding. Containers use host networking.
# Everything lives under one folder (PIPELINE_DOCKER_DIR, default /tmp/pipeline-docker).
set -euo pipefail

root=${PIPELINE_DOCKER_DIR:-/tmp/pipeline-docker}
sock="$root/docker.sock"
pidfile="$root/dockerd.pid"
log="$root/dockerd.log"

say() { echo "docker.sh: $*" >&2; }

install_engine() {
  command -v dockerd >/dev/null 2>&1 && return 0
  bash "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh" docker.sh --no-install-recommends docker.io
}

answers() { DOCKER_HOST="unix://$sock" timeout 5 docker version >/dev/null 2>&1 ||
            curl -sf --max-time 5 --unix-socket "$sock" http://localhost/_ping >/dev/null 2>&1; }

start() {
  mkdir -p "$root"
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null && answers; then
    echo "export DOCKER_HOST=unix://$sock"
    return 0
  fi
  install_engine
  mkdir -p "$root/data" "$root/exec"
  # setsid: the engine outlives this script and is not killed by the caller's job control.
  setsid dockerd \
    --iptables=false --ip-forward=false --ip-masq=false --bridge=none \
    --data-root "$root/data" --exec-root "$root/exec" --pidfile "$pidfile" \
    --host "unix://$sock" >"$log" 2>&1 < /dev/null &
  local i
  for i in $(seq 1 60); do
    if answers; then
      echo "export DOCKER_HOST=unix://$sock"
      return 0
    fi
    sleep 0.5
  done
  say "dockerd did not answer on $sock within 30 s; last lines of $log:"
  tail -n 20 "$log" >&2 || true
  return 1
}

stop() {
  if [ -f "$pidfile" ]; then
    local pid
    pid=$(cat "$pidfile")
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid"
      for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    fi
  fi
  # The data root may hold overlay mounts of containers that were still up.
  if [ -d "$root" ]; then
    grep -o " $root[^ ]*" /proc/mounts | sort -r | while read -r m; do umount -l "$m" 2>/dev/null || true; done
    rm -rf "$root"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
