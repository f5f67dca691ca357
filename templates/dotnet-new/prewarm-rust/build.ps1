#!/usr/bin/env pwsh
# ./build.ps1 --target=Warmup   (see prewarm.toml for settings)
$ErrorActionPreference = 'Stop'
dotnet run --project (Join-Path $PSScriptRoot 'build/PrewarmBuild.csproj') --configuration Release -- @args
exit $LASTEXITCODE
