#!/usr/bin/env bash
# Runs Prewarm's Cake build: ./build.sh --target=Warmup --repo=path/to/rust/repo
# Every argument is passed to the build host (see README.md for targets and options).
# The host is built only when a build input (sources, projects, props, templates) is newer than
# the stamp left by the last successful build; otherwise the built host runs directly, since
# `dotnet run`'s own up-to-date check costs seconds on every start. The host is published
# ReadyToRun (precompiled: less JIT at every start, BENCHMARKS.md "Scale") into build/bin/host,
# apart from `dotnet build`'s output; where ReadyToRun cannot be had (no crossgen package offline),
# it is published without it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/build/bin/host"
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
  project="$here/build/Build.csproj"
  if ! log=$(dotnet publish "$project" --configuration Release --use-current-runtime --self-contained false \
      -p:PublishReadyToRun=true -o "$out" -nologo -v quiet 2>&1); then
    echo "build.sh: the ReadyToRun publish failed; publishing without ReadyToRun" >&2
    if ! log=$(dotnet publish "$project" --configuration Release -o "$out" -nologo -v quiet 2>&1); then
      printf '%s\n' "$log" >&2
      exit 1
    fi
  fi
  mv -f "$next" "$stamp"
fi
exec dotnet "$out/Build.dll" "$@"
