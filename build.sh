#!/usr/bin/env bash
# Bootstraps what a fresh machine lacks (the pinned Cake runner, packages, the pipeline's own build) and
# then runs build/build.cake, passing every argument through:
#   ./build.sh                                    # the whole pipeline on pipelines/breast-cancer.yaml
#   ./build.sh --target=InitStore --pipeline=pipelines/wine.yaml
#   ./build.sh --target=Test                      # the whole test suite
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if ! command -v dotnet >/dev/null 2>&1; then
  echo "build.sh: the .NET 10 SDK is required and 'dotnet' is not on PATH." >&2
  exit 1
fi

dotnet tool restore >/dev/null

# Cake's #r directives are resolved before any task runs, so the stages it calls are published first,
# for this machine's runtime identifier so that native libraries (SQLite, libgit2, LightGBM) sit beside them.
dotnet publish src/Pipeline.Cli/Pipeline.Cli.csproj -c Release --use-current-runtime --self-contained false \
  -o .tools/pipeline -nologo -v quiet -clp:ErrorsOnly

exec dotnet cake build/build.cake "$@"
