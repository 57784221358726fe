#!/usr/bin/env bash
# Scoring-server benchmark on this machine, in one run:
#   GET /ping, POST /invocations with one row and with 100 rows, each `wrk -t2 -c16 -d10s`,
#   printing requests/s and p50/p99; the time from process start to the first healthy /health;
#   and, when DOCKER_HOST is set and IMAGE names one, the image size.
# Usage: bench/serving.sh <model directory> [port]       (IMAGE=breast-cancer:1 bench/serving.sh ...)
# Installs Debian's wrk when missing. Needs python3 (to cut request bodies from the input example).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
model=${1:?usage: bench/serving.sh <model directory> [port]}
port=${2:-5099}
duration=${DURATION:-10s}
work=$(mktemp -d)
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

if ! command -v wrk >/dev/null 2>&1; then
  echo "bench: installing wrk" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

publish=.cache/pipeline/bench-publish
if [ ! -x "$publish/Pipeline.Serving" ]; then
  echo "bench: publishing the server (Release, self-contained)" >&2
  dotnet publish src/Pipeline.Serving/Pipeline.Serving.csproj -c Release -r linux-x64 --self-contained \
    -p:InvariantGlobalization=true -o "$publish" -nologo -v quiet -clp:ErrorsOnly
fi

python3 - "$model/input_example.json" "$work" <<'PY'
import json, sys
example = json.load(open(sys.argv[1]))
cols, rows = example["columns"], example["data"]
def body(n): return json.dumps({"dataframe_split": {"columns": cols, "data": [rows[i % len(rows)] for i in range(n)]}})
open(sys.argv[2] + "/one.json", "w").write(body(1))
open(sys.argv[2] + "/hundred.json", "w").write(body(100))
PY
for name in one hundred; do
  cat > "$work/$name.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = io.open("$work/$name.json"); wrk.body = f:read("*a"); f:close()
LUA
done

start=$(date +%s%N)
Logging__LogLevel__Default=Warning "$publish/Pipeline.Serving" --model "$model" --port "$port" >"$work/server.log" 2>&1 &
server_pid=$!
until curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1; do
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.02
done
echo "start to healthy: $(( ($(date +%s%N) - start) / 1000000 )) ms"

run() { # label, extra wrk args
  local label=$1; shift
  wrk -t2 -c16 -d"$duration" --latency "$@" | awk -v l="$label" '
    /Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Non-2xx/ {bad=$NF}
    END {printf "%-22s %10s req/s   p50 %8s   p99 %8s%s\n", l, rps, p50, p99, bad ? "   NON-2xx: " bad : ""}'
}
url="http://127.0.0.1:$port"
run "GET /ping" "$url/ping"
run "POST 1 row" -s "$work/one.lua" "$url/invocations"
run "POST 100 rows" -s "$work/hundred.lua" "$url/invocations"

if [ -n "${DOCKER_HOST:-}" ] && [ -n "${IMAGE:-}" ]; then
  echo "image $IMAGE: $(docker image inspect "$IMAGE" --format '{{.Size}}' | awk '{printf "%.0f MB", $1/1e6}')"
fi
