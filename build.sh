#!/usr/bin/env bash
# Runs Prewarm's Cake build: ./build.sh --target=Warmup --repo=path/to/rust/repo
# Every argument is passed to the build host (see README.md for targets and options).
# The host is built only when a build input (sources, projects, props, templates) is newer than
# the stamp left by the last successful build; otherwise the built host runs directly, since
# `dotnet run`'s own up-to-date check costs seconds on every start. The host is published
# ReadyToRun (precompiled: less JIT at every start, BENCHMARKS.md "Scale") into build/bin/host,
# apart from `dotnet build`'s output; where ReadyToRun cannot be had (no crossgen package offline),
# it is published without it.
# PREWARM_HOST=composite publishes it self-contained instead, the .NET framework and the host compiled
# into one ReadyToRun image: the framework's generic code over the host's types is precompiled too,
# so a start compiles far less (Scan+Recipe of 1,500 packages ≈ 20 % faster, BENCHMARKS.md "Scale"),
# for about a minute more of build and 120 MB. Worth it where the built host is kept between runs
# (a CI cache, a runner image), not where it is built for every run.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/build/bin/host"
stamp="$out/.prewarm-build-stamp"
inputs=("$here/build" "$here/recipes" "$here/templates" "$here/Directory.Build.props")
mode=${PREWARM_HOST:-readytorun}
case "$mode" in
  readytorun | composite) ;;
  *) echo "build.sh: PREWARM_HOST must be readytorun or composite, not '$mode'" >&2; exit 2 ;;
esac

# Directories count too: adding or deleting a file changes its directory's mtime.
stale() {
  [ -f "$stamp" ] && [ -f "$out/Build.dll" ] && [ "$(cat "$stamp")" = "$mode" ] || return 0
  [ -n "$(find "${inputs[@]}" \( -name bin -o -name obj \) -prune -o -newer "$stamp" -print -quit)" ]
}

if stale; then
  next="$stamp.next"
  # Another kind of host (or none recorded) leaves nothing behind: a self-contained host's runtime
  # files must not linger beside a framework-dependent one, nor the other way round — nor the SDK's
  # precompiled images in obj/, which it would reuse for the other kind (a composite image's stubs
  # in a framework-dependent host abort it at start).
  if [ "$(cat "$stamp" 2>/dev/null)" != "$mode" ]; then rm -rf "$out" "$here"/build/obj/Release/*/*/R2R; fi
  mkdir -p "$out" && echo "$mode" > "$next"   # taken before the build: an edit made during it rebuilds next time
  echo "build.sh: building the host (an input or PREWARM_HOST changed since the last build)" >&2
  project="$here/build/Build.csproj"
  if [ "$mode" = composite ]; then
    # Asked for by name: a failure is reported, not replaced by another kind of host.
    if ! log=$(dotnet publish "$project" --configuration Release --use-current-runtime --self-contained true \
        -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true -o "$out" -nologo -v quiet 2>&1); then
      printf '%s\n' "$log" >&2
      echo "build.sh: the composite ReadyToRun publish (PREWARM_HOST=composite) failed" >&2
      exit 1
    fi
  elif ! log=$(dotnet publish "$project" --configuration Release --use-current-runtime --self-contained false \
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
