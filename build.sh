#!/usr/bin/env bash
# Runs Prewarm's Cake build: ./build.sh --target=Warmup --repo=path/to/rust/repo
# Every argument is passed to the build host (see README.md for targets and options).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec dotnet run --project "$here/build/Build.csproj" --configuration Release -- "$@"
