#!/usr/bin/env pwsh
# Runs Prewarm's Cake build: ./build.ps1 --target=Warmup --repo=path/to/rust/repo
# Every argument is passed to the build host (see README.md for targets and options).
$ErrorActionPreference = 'Stop'
dotnet run --project (Join-Path $PSScriptRoot 'build/Build.csproj') --configuration Release -- @args
exit $LASTEXITCODE
