#!/usr/bin/env bash
# Benchmarks the tracking server with wrk (Debian package `wrk`): POST runs/log-metric on one run (requests/s),
# runs/search with a filter and order over 10,000 runs (p50 latency), experiments/get (requests/s and p50), and the
# dashboard's runs page of that 10,000-run experiment: plain, sorted by a metric, filtered (p50; target < 2 s).
# Usage: bench/tracking-server.sh [duration, default 10s]. Needs dotnet, wrk, python3, curl.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-10s}
PORT=${BENCH_PORT:-54390}
WORK=$(mktemp -d /tmp/pipeline-bench-XXXXXX)
BASE="http://127.0.0.1:$PORT"
API="$BASE/api/2.0/mlflow"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
dotnet build src/Pipeline.Server -c Release -v quiet -nologo >/dev/null
dotnet src/Pipeline.Server/bin/Release/net10.0/Pipeline.Server.dll --port "$PORT" --no-request-log \
  --backend-store-uri "sqlite:///$WORK/mlruns.db" --artifacts-destination "$WORK/mlartifacts" >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 100); do curl -sf "$BASE/health" >/dev/null && break; sleep 0.2; done

EXP=$(curl -sf "$API/experiments/create" -d '{"name":"bench"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["experiment_id"])')
RUN=$(curl -sf "$API/runs/create" -d "{\"experiment_id\":\"$EXP\",\"start_time\":1}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["run"]["info"]["run_id"])')

echo "== seeding 10,000 runs (create + log-batch each) into experiment $EXP"
SEARCH_EXP=$(curl -sf "$API/experiments/create" -d '{"name":"bench-search"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["experiment_id"])')
python3 - "$PORT" "$SEARCH_EXP" <<'PY'
import http.client, json, random, sys, threading
port, exp = int(sys.argv[1]), sys.argv[2]
def post(c, path, body):
    c.request("POST", "/api/2.0/mlflow/" + path, json.dumps(body), {"Content-Type": "application/json"})
    r = c.getresponse(); data = r.read()
    if r.status != 200: raise SystemExit(f"{path}: {r.status} {data}")
    return json.loads(data)
def seed(worker, count):
  c = http.client.HTTPConnection("127.0.0.1", port)
  rnd = random.Random(worker)
  for i in range(count):
    run = post(c, "runs/create", {"experiment_id": exp, "start_time": 1_700_000_000_000 + worker * count + i})["run"]["info"]["run_id"]
    post(c, "runs/log-batch", {"run_id": run,
        "metrics": [{"key": "auc", "value": rnd.random(), "timestamp": 1, "step": 0}, {"key": "accuracy", "value": rnd.random(), "timestamp": 1, "step": 0}],
        "params": [{"key": "solver", "value": rnd.choice(["lbfgs", "sag", "saga"])}, {"key": "C", "value": str(rnd.choice([0.1, 1, 10]))}],
        "tags": [{"key": "team", "value": "bench"}]})
threads = [threading.Thread(target=seed, args=(w, 2500)) for w in range(4)]
for t in threads: t.start()
for t in threads: t.join()
PY

cat >"$WORK/log-metric.lua" <<LUA
local counter = 0
request = function()
  counter = counter + 1
  local body = '{"run_id":"$RUN","key":"loss","value":' .. (counter % 1000) / 1000 .. ',"timestamp":' .. counter .. ',"step":' .. counter .. '}'
  return wrk.format("POST", "/api/2.0/mlflow/runs/log-metric", {["Content-Type"] = "application/json"}, body)
end
LUA
cat >"$WORK/search.json" <<JSON
{"experiment_ids":["$SEARCH_EXP"],"filter":"metrics.auc > 0.5 and params.solver = 'lbfgs'","order_by":["metrics.auc DESC"],"max_results":100}
JSON
cat >"$WORK/search.lua" <<LUA
wrk.method = "POST"
wrk.path = "/api/2.0/mlflow/runs/search"
wrk.headers["Content-Type"] = "application/json"
local f = io.open("$WORK/search.json"); wrk.body = f:read("*a"); f:close()
LUA

echo "== search answer check: $(curl -sf "$API/runs/search" -H 'Content-Type: application/json' --data @"$WORK/search.json" | python3 -c 'import json,sys; r=json.load(sys.stdin); print(len(r.get("runs",[])), "runs, next_page_token:", "next_page_token" in r)')"

echo "== POST runs/log-metric, one run (wrk -t2 -c32 -d$DURATION)"
wrk -t2 -c32 -d"$DURATION" --latency -s "$WORK/log-metric.lua" "$BASE" | grep -E "Requests/sec|50%|99%|Non-2xx|Socket errors" || true
echo "== POST runs/search, filter + order over 10,000 runs, 100 per page (wrk -t1 -c1 -d$DURATION)"
wrk -t1 -c1 -d"$DURATION" --latency -s "$WORK/search.lua" "$BASE" | grep -E "Requests/sec|50%|90%|99%|Non-2xx" || true
echo "== GET experiments/get (wrk -t2 -c32 -d$DURATION)"
wrk -t2 -c32 -d"$DURATION" --latency "$API/experiments/get?experiment_id=$EXP" | grep -E "Requests/sec|50%|99%|Non-2xx" || true
echo "== GET experiments/get, one connection (p50)"
wrk -t1 -c1 -d"$DURATION" --latency "$API/experiments/get?experiment_id=$EXP" | grep -E "Requests/sec|50%" || true
for query in "" "?order_by=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("metrics.auc DESC"))')" \
             "?filter=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("params.solver = \x27lbfgs\x27 and metrics.auc > 0.5"))')"; do
  echo "== GET dashboard /experiments/$SEARCH_EXP$query, 10,000 runs, one page (wrk -t1 -c1 -d$DURATION)"
  wrk -t1 -c1 -d"$DURATION" --latency "$BASE/experiments/$SEARCH_EXP$query" | grep -E "Requests/sec|50%|99%|Non-2xx" || true
done
