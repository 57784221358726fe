#!/usr/bin/env bash
# Object-store emulators on 127.0.0.1 for the S3 and Azure Blob artifact tests: s3rver (S3 API) and azurite's blob
# service (Microsoft's Azure Storage emulator), both from npm, pinned by .ci/objectstores/package-lock.json.
#   bash .ci/objectstores.sh start   installs both into .ci/objectstores/node_modules if needed (npm ci), starts them,
#                                    prints the `export PIPELINE_TEST_...` lines the tests read (eval it)
#   bash .ci/objectstores.sh stop    stops both and removes their storage
# Ports: PIPELINE_S3_PORT (default 9560) and PIPELINE_AZURITE_PORT (default 10100), away from the registries (5050,
# 5051), PostgreSQL (54329) and the helpers' 5000-5899. Storage and logs live under PIPELINE_OBJECTSTORES_DIR
# (default /tmp/pipeline-objectstores). s3rver serves bucket pipeline-test and accepts any well-formed signature, so a
# test may sign with a secret of its own (the secret-leak test does).
# azurite runs in loose mode without its API-version check, so a newer Azure.Storage.Blobs than it knows still works.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/objectstores"

root=${PIPELINE_OBJECTSTORES_DIR:-/tmp/pipeline-objectstores}
s3_port=${PIPELINE_S3_PORT:-9560}
azure_port=${PIPELINE_AZURITE_PORT:-10100}
bucket=pipeline-test
# Azurite's documented development account and key (public, the same in every emulator).
account=devstoreaccount1
account_key='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='

say() { echo "objectstores.sh: $*" >&2; }

install() {
  if ! command -v npm >/dev/null 2>&1; then
    bash ../apt-install.sh objectstores.sh --no-install-recommends nodejs npm >&2 || return 1
  fi
  # boto3, MLflow's S3 client, reads back what the pipeline wrote to S3 in a cross-check test (skipped without it).
  if ! python3 -c 'import boto3' >/dev/null 2>&1; then
    bash ../apt-install.sh objectstores.sh --no-install-recommends python3-boto3 >&2 || say "python3-boto3 not installed: the boto3 cross-check will be skipped"
  fi
  if [ ! -x node_modules/.bin/s3rver ] || [ ! -x node_modules/.bin/azurite-blob ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing s3rver and azurite (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error >&2
  fi
}

# answers PORT: something speaks HTTP there (any status: both answer 4xx to an anonymous GET of the root).
answers() { [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 "http://127.0.0.1:$1/" 2>/dev/null)" != "000" ]; }

# launch NAME PORT COMMAND...: starts the server unless its recorded process is alive and answering.
launch() {
  local name=$1 port=$2 pidfile="$root/$1.pid"
  shift 2
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null && answers "$port"; then
    return 0
  fi
  if answers "$port"; then
    say "127.0.0.1:$port is taken by another process; set PIPELINE_${name^^}_PORT to a free port"; return 1
  fi
  # setsid: the server outlives this script and is not killed by the caller's job control.
  setsid "$@" >"$root/$name.log" 2>&1 < /dev/null &
  echo $! > "$pidfile"
  local i
  for i in $(seq 1 60); do
    answers "$port" && return 0
    sleep 0.25
  done
  say "$name did not answer on 127.0.0.1:$port within 15 s; last lines of $root/$name.log:"
  tail -n 20 "$root/$name.log" >&2 || true
  return 1
}

start() {
  install
  mkdir -p "$root/s3" "$root/azurite"
  # --openssl-legacy-provider: s3rver encrypts ListObjectsV2 continuation tokens with DES, which OpenSSL 3 only has in
  # its legacy provider; without it every truncated listing (more than one page) answers 500.
  launch s3 "$s3_port" node --openssl-legacy-provider node_modules/.bin/s3rver --directory "$root/s3" --address 127.0.0.1 --port "$s3_port" \
    --silent --no-vhost-buckets --allow-mismatched-signatures --configure-bucket "$bucket"
  launch azurite "$azure_port" node node_modules/.bin/azurite-blob --blobHost 127.0.0.1 --blobPort "$azure_port" \
    --location "$root/azurite" --loose --skipApiVersionCheck --disableTelemetry --silent
  say "s3rver on 127.0.0.1:$s3_port (bucket $bucket), azurite blob on 127.0.0.1:$azure_port"
  echo "export PIPELINE_TEST_S3_ENDPOINT=http://127.0.0.1:$s3_port"
  echo "export PIPELINE_TEST_S3_BUCKET=$bucket"
  echo "export PIPELINE_TEST_S3_ACCESS_KEY_ID=S3RVER"
  echo "export PIPELINE_TEST_S3_SECRET_ACCESS_KEY=S3RVER"
  echo "export PIPELINE_TEST_AZURE_CONNECTION_STRING='DefaultEndpointsProtocol=http;AccountName=$account;AccountKey=$account_key;BlobEndpoint=http://127.0.0.1:$azure_port/$account;'"
}

stop() {
  local name
  for name in s3 azurite; do
    if [ -f "$root/$name.pid" ]; then
      kill "$(cat "$root/$name.pid")" 2>/dev/null || true
      rm -f "$root/$name.pid"
    fi
  done
  rm -rf "$root"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: bash .ci/objectstores.sh start|stop" >&2; exit 2 ;;
esac
