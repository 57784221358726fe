#!/usr/bin/env bash
# Closes a test run's log with what a reader of CI's tail needs: each failed test with its message and the top of its
# stack, the build's errors when the build itself failed, a full disk named as such, and one line
# "Tests: N passed, N failed, N skipped". Usage: .ci/test-summary.sh LOG [EXIT_STATUS]. Exits with EXIT_STATUS, or 1
# when the log holds no passed test (a test command that ran nothing is no success).
set -uo pipefail
log=$1
status=${2:-0}

# dotnet test's console logger closes each test project with "Total tests: N" followed by
# "Passed: N", "Failed: N" and "Skipped: N" lines; add them up over all projects.
read -r passed failed skipped < <(awk '
  /^Total tests: [0-9]+/ { inside = 1; next }
  inside && /^ *Passed: [0-9]+ *$/  { p += $2; next }
  inside && /^ *Failed: [0-9]+ *$/  { f += $2; next }
  inside && /^ *Skipped: [0-9]+ *$/ { s += $2; next }
  inside && /Total time:/ { inside = 0 }
  END { print p + 0, f + 0, s + 0 }' "$log")

# The servers' logs bury failures far above the end; repeat each failed test (the console logger's
# "  Failed Name [time]" block, cut at 25 lines) just before the closing line.
if [ "$failed" -gt 0 ]; then
  echo
  echo "Failed tests:"
  awk '
    /^  Failed [^ ]/ { shown = 0; inside = 1 }
    /^  (Passed|Skipped) [^ ]/ { inside = 0 }
    /^(Test Run|Total tests:)/ { inside = 0 }
    inside && shown < 25 { print; shown++ }' "$log"
fi

# A run that failed with no failed test failed to build or to start: repeat MSBuild's distinct errors (at most 20).
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  errors=$(grep -E ': error [A-Z]*[0-9]*:? ' "$log" | sed -E 's/^ +//' | awk '!seen[$0]++' | head -n 20)
  if [ -n "$errors" ]; then
    echo
    echo "Build errors:"
    echo "$errors"
  fi
fi

if grep -q "No space left on device" "$log"; then
  echo
  echo "The disk filled during the run (\"No space left on device\" above): free space and run again."
fi
echo
echo "Tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "The test command ran no test." >&2
  exit 1
fi
exit "$status"
