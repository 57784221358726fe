#!/usr/bin/env bash
# Prints every logged metric value of a SQLite tracking store, one line per (run, key, step), exact to the last bit
# (%.17g), leaving out the timing metrics (*time_seconds, *_ms): the figures a speed change must not move.
# Runs are named by their run name (a trailing " YYYY-MM-DD HH:MM" removed) and their ordinal among runs of that name,
# so two stores filled by the same commands compare line by line:
#   diff <(bench/metric-values.sh before/mlruns.db) <(bench/metric-values.sh after/mlruns.db)
set -euo pipefail
store="${1:?usage: bench/metric-values.sh PATH/TO/mlruns.db}"
sqlite3 -readonly "$store" <<'SQL'
WITH named AS (
  SELECT run_uuid,
         CASE WHEN name GLOB '* [0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]'
              THEN substr(name, 1, length(name) - 17) ELSE name END AS name,
         start_time
  FROM runs),
numbered AS (
  SELECT run_uuid, name, row_number() OVER (PARTITION BY name ORDER BY start_time, run_uuid) AS n FROM named)
SELECT r.name || ' #' || r.n || ' ' || m.key || ' step ' || m.step || ' = ' || printf('%.17g', m.value)
FROM metrics m JOIN numbered r ON r.run_uuid = m.run_uuid
WHERE m.key NOT LIKE '%time_seconds' AND m.key NOT LIKE '%\_ms' ESCAPE '\'
ORDER BY r.name, r.n, m.key, m.step, m.value;
SQL
