#!/usr/bin/env pwsh
# Bootstraps what a fresh machine lacks (the pinned Cake runner, packages, the pipeline's own build) and
# then runs build/build.cake, passing every argument through:
#   ./build.ps1
#   ./build.ps1 --target=InitStore --pipeline=pipelines/wine.yaml
#   ./build.ps1 --target=Test
$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot

$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'

if (-not (Get-Command dotnet -ErrorAction SilentlyContinue)) {
    Write-Error "build.ps1: the .NET 10 SDK is required and 'dotnet' is not on PATH."
    exit 1
}

dotnet tool restore | Out-Null
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }

# Cake's #r directives are resolved before any task runs, so the stages it calls are published first,
# for this machine's runtime identifier so that native libraries sit beside them.
dotnet publish src/Pipeline.Cli/Pipeline.Cli.csproj -c Release --use-current-runtime --self-contained false `
    -o .tools/pipeline -nologo -v quiet -clp:ErrorsOnly
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }

dotnet cake build/build.cake @args
exit $LASTEXITCODE
