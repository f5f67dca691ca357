#!/usr/bin/env bash
# Runs Prewarm's Cake build: ./build.sh --target=Warmup --repo=path/to/rust/repo
# Every argument is passed to the build host (see README.md for targets and options).
# The host is built only when a build input (sources, projects, props, templates) is newer than
# the stamp left by the last successful build; otherwise the built host runs directly, since
# `dotnet run`'s own up-to-date check costs seconds on every start.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/build/bin/Release/net10.0"
stamp="$out/.prewarm-build-stamp"
inputs=("$here/build" "$here/recipes" "$here/templates" "$here/Directory.Build.props")

# Directories count too: adding or deleting a file changes its directory's mtime.
stale() {
  [ -f "$stamp" ] && [ -f "$out/Build.dll" ] || return 0
  [ -n "$(find "${inputs[@]}" \( -name bin -o -name obj \) -prune -o -newer "$stamp" -print -quit)" ]
}

if stale; then
  next="$stamp.next"
  mkdir -p "$out" && : > "$next"   # taken before the build: an edit made during it rebuilds next time
  echo "build.sh: building the host (an input changed since the last build)" >&2
  if ! log=$(dotnet build "$here/build/Build.csproj" --configuration Release -nologo -v quiet 2>&1); then
    printf '%s\n' "$log" >&2
    exit 1
  fi
  mv -f "$next" "$stamp"
fi
exec dotnet "$out/Build.dll" "$@"
