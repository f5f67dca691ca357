#!/usr/bin/env pwsh
# ./build.ps1 --target=Warmup   (see prewarm.toml for settings)
# The build project is compiled only when one of its inputs is newer than the stamp its last
# successful build left; otherwise the built host runs directly (dotnet run's check costs seconds).
$ErrorActionPreference = 'Stop'
$out = Join-Path $PSScriptRoot 'build/bin/Release/net10.0'
$dll = Join-Path $out 'PrewarmBuild.dll'
$stamp = Join-Path $out '.prewarm-build-stamp'
$inputs = @(Join-Path $PSScriptRoot 'build') + (
    'Directory.Build.props', 'Directory.Build.targets', 'Directory.Packages.props', 'global.json', 'NuGet.config', 'nuget.config' |
        ForEach-Object { Join-Path $PSScriptRoot $_ } | Where-Object { Test-Path $_ })

function Test-Stale {
    if (-not (Test-Path $stamp) -or -not (Test-Path $dll)) { return $true }
    $built = (Get-Item $stamp).LastWriteTimeUtc
    $newer = @(Get-Item $inputs) + @(Get-ChildItem -Path $inputs -Recurse -Force -ErrorAction SilentlyContinue) |
        Where-Object { $_.FullName -notmatch '[\\/](bin|obj)([\\/]|$)' -and $_.LastWriteTimeUtc -gt $built } |
        Select-Object -First 1
    return $null -ne $newer
}

if (Test-Stale) {
    New-Item -ItemType Directory -Force -Path $out | Out-Null
    Set-Content -Path "$stamp.next" -Value '' # taken before the build: an edit made during it rebuilds next time
    $log = dotnet build (Join-Path $PSScriptRoot 'build/PrewarmBuild.csproj') --configuration Release -nologo -v quiet 2>&1
    if ($LASTEXITCODE -ne 0) { $log | Write-Host; exit $LASTEXITCODE }
    Move-Item -Force "$stamp.next" $stamp
}
dotnet $dll @args
exit $LASTEXITCODE
