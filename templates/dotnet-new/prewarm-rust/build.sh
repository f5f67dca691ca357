#!/usr/bin/env bash
# ./build.sh --target=Warmup   (see prewarm.toml for settings; --help for Cake's switches)
# The build project is compiled only when one of its inputs is newer than the stamp its last
# successful build left; otherwise the built host runs directly (dotnet run's check costs seconds).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/build/bin/Release/net10.0"
stamp="$out/.prewarm-build-stamp"
inputs=("$here/build")
for shared in Directory.Build.props Directory.Build.targets Directory.Packages.props global.json NuGet.config nuget.config; do
  [ -e "$here/$shared" ] && inputs+=("$here/$shared")
done

stale() {
  [ -f "$stamp" ] && [ -f "$out/PrewarmBuild.dll" ] || return 0
  [ -n "$(find "${inputs[@]}" \( -name bin -o -name obj \) -prune -o -newer "$stamp" -print -quit)" ]
}

if stale; then
  mkdir -p "$out" && : > "$stamp.next"   # taken before the build: an edit made during it rebuilds next time
  if ! log=$(dotnet build "$here/build/PrewarmBuild.csproj" --configuration Release -nologo -v quiet 2>&1); then
    printf '%s\n' "$log" >&2
    exit 1
  fi
  mv -f "$stamp.next" "$stamp"
fi
exec dotnet "$out/PrewarmBuild.dll" "$@"
