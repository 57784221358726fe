#!/usr/bin/env bash
# Bootstraps what a fresh machine lacks (the pinned Cake runner, packages, the pipeline's own build) and
# then runs build/build.cake, passing every argument through:
#   ./build.sh                                    # the whole pipeline on pipelines/breast-cancer.yaml
#   ./build.sh --target=InitStore --pipeline=pipelines/wine.yaml
#   ./build.sh --target=Test                      # the whole test suite
#   ./build.sh --help                             # the arguments and the stage targets
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Cake keeps the compiled script and reruns it while the script's text is unchanged (it recompiles on
# --invalidate-script-cache, passed below whenever the stages it references were republished).
export CAKE_SETTINGS_ENABLESCRIPTCACHE=true CAKE_PATHS_CACHE="$PWD/.tools/cake-cache"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "build.sh: the .NET 10 SDK is required and 'dotnet' is not on PATH." >&2
  exit 1
fi

# Cake answers --help itself with its generic options; the build's own help (arguments, stage targets) comes from
# the script.
args=()
for arg in "$@"; do
  case "$arg" in
    -h|--help|-\?) args+=("--show-help") ;;
    *) args+=("$arg") ;;
  esac
done

tools_stamp=.tools/tool-restore.stamp
if [[ ! -f $tools_stamp || .config/dotnet-tools.json -nt $tools_stamp ]]; then
  dotnet tool restore >/dev/null
  mkdir -p .tools && touch "$tools_stamp"
fi

# Cake's #r directives are resolved before any task runs, so the stages it calls are published first, for this
# machine's runtime identifier so that native libraries (SQLite, libgit2, LightGBM) sit beside them. The publish is
# skipped when none of its inputs changed since the last one: the stamp holds the list of input files (so that a
# deleted or added file counts) and is older than none of them.
publish_stamp=.tools/pipeline/.publish-stamp
inputs=$(find src Directory.Build.props Directory.Build.targets Directory.Packages.props build/NativeAssets.targets \
  \( -name bin -o -name obj \) -prune -o -type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.targets' \
  -o -name '*.json' -o -name '*.html' -o -name '*.css' -o -name '*.js' \) -print | LC_ALL=C sort)
if [[ -f $publish_stamp && "$(tail -n +2 "$publish_stamp")" == "$inputs" && -z $(find $inputs -newer "$publish_stamp" -print -quit) ]]; then
  :
else
  rm -f "$publish_stamp"
  dotnet publish src/Pipeline.Cli/Pipeline.Cli.csproj -c Release --use-current-runtime --self-contained false \
    -o .tools/pipeline -nologo -v quiet -clp:ErrorsOnly
  { echo "# inputs of the last publish of .tools/pipeline (build.sh)"; echo "$inputs"; } > "$publish_stamp"
  args+=("--invalidate-script-cache")
fi

# Run the restored Cake runner's assembly directly when it is where `dotnet tool restore` put it: `dotnet cake` first
# resolves the tool manifest through the SDK, about 0.3 s of every no-change call. Falls back to the manifest otherwise.
cake_version=$(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' .config/dotnet-tools.json | head -n 1)
cake_dll="${NUGET_PACKAGES:-$HOME/.nuget/packages}/cake.tool/$cake_version/tools/net10.0/any/Cake.dll"
if [[ -n $cake_version && -f $cake_dll ]]; then
  exec dotnet "$cake_dll" build/build.cake "${args[@]}"
fi
exec dotnet cake build/build.cake "${args[@]}"
