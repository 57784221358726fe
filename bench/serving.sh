#!/usr/bin/env bash
# Scoring-server benchmark on this machine, in one run:
#   GET /ping, POST /invocations with one row and with 100 rows, each `wrk -t2 -c16 -d10s`,
#   printing requests/s and p50/p99; the time from process start to the first healthy /health;
#   and, when DOCKER_HOST is set and IMAGE names one, the image size.
#   Then the prediction log: 1-row POST /invocations with --log-predictions DIR against a server without it, alternated
#   in pairs (LOG_ROUNDS, default 6) and printed side by side with the ratio and the server's CPU milliseconds per 1,000
#   requests; and the queue's memory bound, measured as the resident memory of a server whose log folder has gone (every
#   row queued until the queue is full) at two queue sizes.
# Usage: bench/serving.sh <model directory> [port]       (IMAGE=breast-cancer:1 bench/serving.sh ...)
# Uses ports port..port+3.
# Installs Debian's wrk when missing. Needs python3 (to cut request bodies from the input example).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
model=${1:?usage: bench/serving.sh <model directory> [port]}
port=${2:-5099}
duration=${DURATION:-10s}
work=$(mktemp -d)
server_pid=""
extra_pids=()
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null
  for pid in "${extra_pids[@]}"; do kill "$pid" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT

if ! command -v wrk >/dev/null 2>&1; then
  echo "bench: installing wrk" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

publish=.cache/pipeline/bench-publish
if [ ! -x "$publish/Pipeline.Serving" ] || [ -n "$(find src/Pipeline.Serving src/Pipeline.Ml src/Pipeline.Tracking -name '*.cs' -newer "$publish/Pipeline.Serving" -print -quit)" ]; then
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

# --- The prediction log -----------------------------------------------------------------------------------------------
start_server() { # port, extra args...; sets started_pid
  local p=$1; shift
  Logging__LogLevel__Default=Warning "$publish/Pipeline.Serving" --model "$model" --port "$p" "$@" >"$work/server-$p.log" 2>&1 &
  started_pid=$!
  extra_pids+=("$started_pid")
  until curl -sf "http://127.0.0.1:$p/health" >/dev/null 2>&1; do
    kill -0 "$started_pid" 2>/dev/null || { cat "$work/server-$p.log" >&2; exit 1; }
    sleep 0.02
  done
}
rps() { wrk -t2 -c16 -d"$duration" -s "$work/one.lua" "$1/invocations" | awk '/Requests\/sec/ {print $2}'; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; } # the process's user + system time, in clock ticks
# Requests/s and the server's CPU milliseconds per 1,000 requests over one wrk run: the CPU figure moves far less than
# the throughput when the shared machine's speed drifts, so it shows the log's own cost more steadily.
measure() { # url pid
  local before after r
  before=$(cpu_ticks "$2"); r=$(rps "$1"); after=$(cpu_ticks "$2")
  awk -v r="$r" -v t="$((after - before))" -v hz="$(getconf CLK_TCK)" -v d="${duration%s}" 'BEGIN {printf "%s %.1f", r, t * 1000 / hz / (r * d) * 1000}'
}
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }

kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
start_server "$port"; off_pid=$started_pid
start_server "$((port + 1))" --log-predictions "$work/log"; on_pid=$started_pid
echo
echo "prediction log, POST 1 row (wrk -t2 -c16 -d$duration, alternated):"
printf "%-8s %12s %12s %8s %14s %14s %8s\n" round "log off" "log on" "on/off" "off CPU ms/1k" "on CPU ms/1k" "on/off"
# Both servers are warmed up first (JIT, tiering, the pools and the heap's growth), unrecorded: a fresh server's first
# seconds are slower, the logging one's more so, and that start is not the steady cost the figure is about.
measure "http://127.0.0.1:$port" "$off_pid" >/dev/null; measure "http://127.0.0.1:$((port + 1))" "$on_pid" >/dev/null
# Odd rounds measure off first, even rounds on first, so a machine that speeds up or slows down within a round favours
# neither side; the median of the rounds' ratios is the figure to quote.
for round in $(seq 1 "${LOG_ROUNDS:-6}"); do
  if (( round % 2 )); then
    read -r off off_cpu <<<"$(measure "http://127.0.0.1:$port" "$off_pid")"; read -r on on_cpu <<<"$(measure "http://127.0.0.1:$((port + 1))" "$on_pid")"
  else
    read -r on on_cpu <<<"$(measure "http://127.0.0.1:$((port + 1))" "$on_pid")"; read -r off off_cpu <<<"$(measure "http://127.0.0.1:$port" "$off_pid")"
  fi
  printf "%-8s %12s %12s %8s %14s %14s %8s\n" "$round" "$off" "$on" "$(awk -v a="$on" -v b="$off" 'BEGIN {printf "%.3f", a/b}')" \
    "$off_cpu" "$on_cpu" "$(awk -v a="$on_cpu" -v b="$off_cpu" 'BEGIN {printf "%.3f", a/b}')"
  echo "$off $on $off_cpu $on_cpu" >>"$work/pairs"
done
awk '{off+=$1; on+=$2; offc+=$3; onc+=$4} END {printf "%-8s %12.0f %12.0f %8.3f %14.1f %14.1f %8.3f\n", "mean", off/NR, on/NR, on/off, offc/NR, onc/NR, onc/offc}' "$work/pairs"
median() { sort -g | awk '{r[NR]=$1} END {m = NR % 2 ? r[(NR+1)/2] : (r[NR/2]+r[NR/2+1])/2; printf "%.3f (%.3f-%.3f)", m, r[1], r[NR]}'; }
echo "median on/off: throughput $(awk '{print $2/$1}' "$work/pairs" | median), CPU per request $(awk '{print $4/$3}' "$work/pairs" | median)"
logged=$(cat "$work"/log/*.jsonl | wc -l)
dropped=$(curl -sf "http://127.0.0.1:$((port + 1))/metrics" | awk '/^scoring_prediction_log_dropped_rows_total / {print $2}')
echo "rows logged: $logged, dropped: ${dropped:-0}, log size: $(du -sm "$work/log" | cut -f1) MB"
kill "$off_pid" "$on_pid"; wait "$off_pid" "$on_pid" 2>/dev/null || true

# Memory bound: a log folder replaced by a file makes every write fail, so the queue fills and stays full. The resident
# memory after the same warm-up with the folder still there is the baseline.
echo
echo "queue memory bound (log folder gone, queue full, after $duration of 1-row load; baseline: after a 2s warm-up):"
for rows in 5000 50000; do
  p=$((port + 2))
  start_server "$p" --log-predictions "$work/down-$rows" --log-queue-rows "$rows"; pid=$started_pid
  wrk -t2 -c16 -d2s -s "$work/one.lua" "http://127.0.0.1:$p/invocations" >/dev/null
  sleep 1; base=$(rss_mb "$pid")
  rm -rf "$work/down-$rows"; touch "$work/down-$rows"
  wrk -t2 -c16 -d"$duration" -s "$work/one.lua" "http://127.0.0.1:$p/invocations" >/dev/null
  queued=$(curl -sf "http://127.0.0.1:$p/metrics" | awk '/^scoring_prediction_log_queued_rows / {print $2}')
  full=$(rss_mb "$pid")
  printf "  --log-queue-rows %-7s queued %-7s RSS %s MB -> %s MB: %s bytes per queued 1-row request\n" "$rows" "$queued" "$base" "$full" \
    "$(awk -v a="$base" -v b="$full" -v q="$queued" 'BEGIN {printf "%.0f", (b-a)*1048576/q}')"
  kill -9 "$pid"; wait "$pid" 2>/dev/null || true # a stop would retry the gone folder until the shutdown timeout
done
