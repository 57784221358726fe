#!/usr/bin/env bash
# Upload and download throughput of one large artifact (default 200 MB) through the local disk, the tracking server's
# proxy, S3 (s3rver) and Azure Blob (azurite), side by side as MB/s and as ratios to the local disk.
# Usage: bench/objectstores.sh [SIZE_MB [REPEATS]]. Starts the emulators with .ci/objectstores.sh (ports overridable
# there: PIPELINE_S3_PORT, PIPELINE_AZURITE_PORT) unless PIPELINE_TEST_S3_ENDPOINT is already set; leaves them running.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${PIPELINE_TEST_S3_ENDPOINT:-}" ]; then
  eval "$(bash .ci/objectstores.sh start)"
fi
dotnet run -c Release --project bench/Pipeline.Bench.ObjectStores -- "$@"
