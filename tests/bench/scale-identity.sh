#!/usr/bin/env bash
# Byte-identity check for performance work on Scan and Recipe: runs a reference build host (OLD, a
# copy of build/bin/Release/net10.0 taken before the change) and the current one on the same
# repositories and diffs every artifact, the exit codes and the logs (durations and the artifacts
# path masked). Repositories: the generated large workspace, the generated 300-package workspace,
# tests/examples/shop and every tests/corpus/bad-inputs case (errors must read the same); with
# EXTRA_REPOS="DIR…" also each of those (e.g. clones of public repositories), each run alone.
# NEW=DIR checks another host than build/bin/Release/net10.0 (e.g. build/bin/host).
#   tests/bench/scale-identity.sh OLD_HOST_DIR [COUNT]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
old=${1:?usage: scale-identity.sh OLD_HOST_DIR [COUNT]}
count=${2:-1500}
new="${NEW:-$root/build/bin/Release/net10.0}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$root/tests/bench/large-workspace.sh" "$work/large" "$count" >/dev/null
"$root/tests/bench/generate-workspace.sh" "$work/gen300" 300 >/dev/null
cp -r "$root/tests/examples/shop" "$work/shop"
repos=("$work/large" "$work/gen300" "$work/shop")
for case in "$root"/tests/corpus/bad-inputs/*/; do repos+=("${case%/}"); done
for extra in ${EXTRA_REPOS:-}; do repos+=("${extra%/}"); done

run() { # HOST REPO OUT
  local code=0
  mkdir -p "$3"
  dotnet "$1/Build.dll" --target=Recipe --repo="$2" --artifacts="$3" --verbosity=normal >"$3.log" 2>&1 || code=$?
  echo "exit $code" >>"$3.log"
  # Durations and the output directory differ between runs by nature.
  sed -i -E -e 's/[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]+/DURATION/g' -e "s#$3#ARTIFACTS#g" "$3.log"
}

failed=0
for repo in "${repos[@]}"; do
  name=$(basename "$repo")
  run "$old" "$repo" "$work/old-$name"
  run "$new" "$repo" "$work/new-$name"
  if diff -r "$work/old-$name" "$work/new-$name" >/dev/null 2>&1 && diff "$work/old-$name.log" "$work/new-$name.log" >/dev/null; then
    echo "same: $name ($(tail -1 "$work/new-$name.log"))"
  else
    echo "DIFFERENT: $name"; diff -r "$work/old-$name" "$work/new-$name" | head -20 || true
    diff "$work/old-$name.log" "$work/new-$name.log" | head -20 || true
    failed=1
  fi
done
exit $failed
