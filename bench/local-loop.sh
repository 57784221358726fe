#!/usr/bin/env bash
# The local loop with nothing changed: a no-change `./build.sh --target=Package` against a no-change
# `pipeline run package` (the published tool), run in turn (A B A B ...) so that the ratio is taken pair by pair
# while the machine's speed drifts. Prints each command's min/median/max wall seconds and the median of the ratios.
#   bench/local-loop.sh [runs]       # default 5 pairs, after one warm-up of each
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs=${1:-5}

./build.sh --target=Package >/dev/null   # publish, compile and cache the script, run the stages once
tool=.tools/pipeline/pipeline

now() { date +%s.%N; }
time_one() { local start; start=$(now); "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }; echo "$(now) - $start" | bc; }

time_one ./build.sh --target=Package >/dev/null; time_one "$tool" run package >/dev/null   # warm-up
a=(); b=(); ratios=()
for ((i = 0; i < runs; i++)); do
  ta=$(time_one ./build.sh --target=Package); tb=$(time_one "$tool" run package)
  a+=("$ta"); b+=("$tb"); ratios+=("$(echo "scale=3; $ta / $tb" | bc)")
done

stats() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { printf "min %.2f  median %.2f  max %.2f", v[1], v[int((NR + 1) / 2)], v[NR] }'; }
echo "./build.sh --target=Package (no change)   wall s: $(stats "${a[@]}")"
echo "pipeline run package (no change)         wall s: $(stats "${b[@]}")"
echo "ratio build.sh / pipeline, pair by pair:          $(stats "${ratios[@]}")"
