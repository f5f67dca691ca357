#!/usr/bin/env pwsh
# Runs Prewarm's Cake build: ./build.ps1 --target=Warmup --repo=path/to/rust/repo
# Every argument is passed to the build host (see README.md for targets and options).
# The host is built only when a build input (sources, projects, props, templates) is newer than
# the stamp left by the last successful build; otherwise the built host runs directly, since
# `dotnet run`'s own up-to-date check costs seconds on every start. The host is published
# ReadyToRun (precompiled: less JIT at every start, BENCHMARKS.md "Scale") into build/bin/host,
# apart from `dotnet build`'s output; where ReadyToRun cannot be had (no crossgen package offline),
# it is published without it.
$ErrorActionPreference = 'Stop'
$out = Join-Path $PSScriptRoot 'build/bin/host'
$dll = Join-Path $out 'Build.dll'
$stamp = Join-Path $out '.prewarm-build-stamp'
$inputs = 'build', 'recipes', 'templates', 'Directory.Build.props' | ForEach-Object { Join-Path $PSScriptRoot $_ }

function Test-Stale {
    if (-not (Test-Path $stamp) -or -not (Test-Path $dll)) { return $true }
    $built = (Get-Item $stamp).LastWriteTimeUtc
    # Directories count too: adding or deleting a file changes its directory's mtime.
    $newer = Get-ChildItem -Path $inputs -Recurse -Force -ErrorAction SilentlyContinue |
        Where-Object { $_.FullName -notmatch '[\\/](bin|obj)([\\/]|$)' -and $_.LastWriteTimeUtc -gt $built } |
        Select-Object -First 1
    return $null -ne $newer
}

if (Test-Stale) {
    $next = "$stamp.next"
    New-Item -ItemType Directory -Force -Path $out | Out-Null
    Set-Content -Path $next -Value '' # taken before the build: an edit made during it rebuilds next time
    Write-Host 'build.ps1: building the host (an input changed since the last build)'
    $project = Join-Path $PSScriptRoot 'build/Build.csproj'
    $log = dotnet publish $project --configuration Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true -o $out -nologo -v quiet 2>&1
    if ($LASTEXITCODE -ne 0) {
        Write-Host 'build.ps1: the ReadyToRun publish failed; publishing without ReadyToRun'
        $log = dotnet publish $project --configuration Release -o $out -nologo -v quiet 2>&1
        if ($LASTEXITCODE -ne 0) { $log | Write-Host; exit $LASTEXITCODE }
    }
    Move-Item -Force $next $stamp
}
dotnet $dll @args
exit $LASTEXITCODE
