#!/usr/bin/env bash
# ./build.sh --target=Warmup   (see prewarm.toml for settings; --help for Cake's switches)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec dotnet run --project "$here/build/PrewarmBuild.csproj" --configuration Release -- "$@"
