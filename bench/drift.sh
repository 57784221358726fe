#!/usr/bin/env bash
# Drift-check benchmark on this machine: `pipeline monitor drift` over synthetic prediction logs of ROWS (default 100,000)
# and ROWS/10 rows, each row drawn from the model's own training profile (inverse CDF through its quantiles, so every
# row is distinct), printing the wall time of three runs, rows per second and the peak resident memory; and the size of
# training_profile.json. The lines have the scoring server's format (pipeline serve --log-predictions DIR).
# Usage: bench/drift.sh <model directory with training_profile.json> [rows]
#        (pipeline models download models:/breast-cancer-classifier@champion --dst /tmp/model)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
model=$(realpath "${1:?usage: bench/drift.sh <model directory> [rows]}")
rows=${2:-100000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build src/Pipeline.Cli -c Release -nologo -v quiet -clp:ErrorsOnly
cli="dotnet src/Pipeline.Cli/bin/Release/net10.0/pipeline.dll"

python3 - "$model/training_profile.json" "$work" "$rows" <<'PY'
import bisect, json, os, random, sys
profile = json.load(open(sys.argv[1]))
levels = profile["quantile_levels"]
random.seed(7)
def draw(quantiles):
    u = random.random()
    i = min(bisect.bisect_right(levels, u), len(levels) - 1)
    lo, hi = quantiles[i - 1], quantiles[i]
    return lo + (hi - lo) * (u - levels[i - 1]) / (levels[i] - levels[i - 1])
for n in (int(sys.argv[3]) // 10, int(sys.argv[3])):
    os.makedirs(f"{sys.argv[2]}/log-{n}")
    with open(f"{sys.argv[2]}/log-{n}/predictions.jsonl", "w") as f:
        for r in range(n):
            inputs = {feature["name"]: draw(feature["quantiles"]) for feature in profile["features"]}
            f.write(json.dumps({"request_id": f"r{r}", "row": 0, "time": "2026-12-01T10:00:00.000Z", "model_version": "1",
                                "inputs": inputs, "prediction": random.randint(0, 1), "latency_ms": 1.0, "status": 200}) + "\n")
PY

echo "training_profile.json: $(stat -c %s "$model/training_profile.json") bytes"
printf '%-10s %-12s %-10s %-12s %s\n' rows "log MB" "run" "seconds" "rows/s, peak RSS"
for n in $((rows / 10)) "$rows"; do
  size=$(( $(stat -c %s "$work/log-$n/predictions.jsonl") / 1048576 ))
  for run in 1 2 3; do
    /usr/bin/time -f '%e %M' -o "$work/time" $cli monitor drift --model "$model" --log "$work/log-$n" --report "$work/report" -o json \
      --tracking-uri "sqlite:///$work/none.db" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
    read -r seconds kb < "$work/time"
    printf '%-10s %-12s %-10s %-12s %s\n' "$n" "$size" "$run" "$seconds" "$(python3 -c "print(f'{$n/$seconds:,.0f} rows/s, {$kb/1024:.0f} MB')")"
  done
done
