#!/usr/bin/env bash
# Scoring-server soak: DURATION seconds (default 600) of mixed traffic on 127.0.0.1 against the published server,
# sampling its RSS every SAMPLE seconds, then 20 s idle. Prints the request counts per kind and status, the RSS band
# after the warm-up (WARMUP seconds, default 60) and the idle RSS, and fails (exit 1) when the band is wider than
# BAND_MB (default 200) or the idle RSS is above the band's top.
# Traffic, in parallel: 4 clients of one-row JSON, 1 of 100-row JSON, 1 of 20,000-row CSV (about 1.8 MB, gated as
# large), 1 sending a 150,000-row CSV (over the default 100,000-row limit: must be 413) every 5 s.
# Usage: bench/soak.sh <model directory> [port]       (DURATION=120 bench/soak.sh ... for a shorter run)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
model=${1:?usage: bench/soak.sh <model directory> [port]}
port=${2:-5098}
duration=${DURATION:-600}
warmup=${WARMUP:-60}
sample=${SAMPLE:-5}
band_mb=${BAND_MB:-200}
work=$(mktemp -d)
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

publish=.cache/pipeline/bench-publish
stamp=$(find src/Pipeline.Serving src/Pipeline.Ml src/Pipeline.Tracking -name '*.cs' -newer "$publish/Pipeline.Serving" 2>/dev/null | head -1 || true)
if [ ! -x "$publish/Pipeline.Serving" ] || [ -n "$stamp" ]; then
  echo "soak: publishing the server (Release, self-contained)" >&2
  dotnet publish src/Pipeline.Serving/Pipeline.Serving.csproj -c Release -r linux-x64 --self-contained \
    -p:InvariantGlobalization=true -o "$publish" -nologo -v quiet -clp:ErrorsOnly
fi

Logging__LogLevel__Default=Warning "$publish/Pipeline.Serving" --model "$model" --port "$port" >"$work/server.log" 2>&1 &
server_pid=$!
until curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1; do
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.2
done

python3 - "$model/input_example.json" "$port" "$duration" "$warmup" "$sample" "$band_mb" "$server_pid" <<'PY'
import json, sys, threading, time, urllib.request, urllib.error, collections
example_file, port, duration, warmup, sample, band_mb, pid = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), float(sys.argv[6]), int(sys.argv[7])
example = json.load(open(example_file))
cols, rows = example["columns"], example["data"]
def split(n): return json.dumps({"dataframe_split": {"columns": cols, "data": [rows[i % len(rows)] for i in range(n)]}}).encode()
def csv(n): return (",".join(cols) + "\n" + "".join(",".join(str(v) for v in rows[i % len(rows)]) + "\n" for i in range(n))).encode()
bodies = {"one_row_json": (split(1), "application/json", 0), "hundred_row_json": (split(100), "application/json", 0),
          "large_csv_20k": (csv(20_000), "text/csv", 0), "over_limit_csv_150k": (csv(150_000), "text/csv", 5)}
url = f"http://127.0.0.1:{port}/invocations"
counts = collections.Counter()
stop = time.monotonic() + duration
def client(kind):
    body, ctype, pause = bodies[kind]
    while time.monotonic() < stop:
        request = urllib.request.Request(url, data=body, headers={"Content-Type": ctype})
        try:
            with urllib.request.urlopen(request, timeout=120) as r:
                r.read(); counts[(kind, r.status)] += 1
        except urllib.error.HTTPError as e:
            e.read(); counts[(kind, e.code)] += 1
        except Exception as e:
            counts[(kind, type(e).__name__)] += 1
        if pause: time.sleep(pause)
def rss_mb():
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"): return int(line.split()[1]) / 1024
samples = []
threads = [threading.Thread(target=client, args=(k,), daemon=True) for k in ["one_row_json"] * 4 + ["hundred_row_json", "large_csv_20k", "over_limit_csv_150k"]]
start = time.monotonic()
for t in threads: t.start()
while time.monotonic() < stop:
    time.sleep(sample); samples.append((time.monotonic() - start, rss_mb()))
for t in threads: t.join(timeout=130)
time.sleep(20); idle = rss_mb()
steady = [m for (t, m) in samples if t >= warmup] or [m for (_, m) in samples]
low, high = min(steady), max(steady)
print(f"soak: {duration:.0f} s of mixed traffic, RSS sampled every {sample:.0f} s ({len(samples)} samples)")
for (kind, status), n in sorted(counts.items(), key=lambda kv: (kv[0][0], str(kv[0][1]))):
    print(f"  {kind:22s} {str(status):>5s} {n:8d}  ({n / duration:.1f}/s)")
print(f"  RSS peak {max(m for _, m in samples):.0f} MB; after {warmup:.0f} s warm-up: {low:.0f}-{high:.0f} MB (band {high - low:.0f} MB, allowed {band_mb:.0f}); idle after 20 s: {idle:.0f} MB")
print("  RSS over time (s: MB): " + ", ".join(f"{t:.0f}: {m:.0f}" for t, m in samples[:: max(1, len(samples) // 20)]))
bad = [k for k in counts if k[0] == "over_limit_csv_150k" and k[1] != 413] + [k for k in counts if k[0] != "over_limit_csv_150k" and k[1] != 200]
if bad: print(f"soak: unexpected answers: {bad}"); sys.exit(1)
if high - low > band_mb or idle > high: print("soak: RSS not flat within the band"); sys.exit(1)
print("soak: RSS flat within the band")
PY
