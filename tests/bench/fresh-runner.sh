#!/usr/bin/env bash
# Builder image benchmark, side by side in one run, on a copy of the bundled example, for both
# --deps-storage modes: a cold build (new build user id: no layer or cache mount can be reused) that
# pushes the image with its inline cache to the local registry; a rebuild after a source-only change
# on the same engine; and the same change on a fresh runner (tests/fresh-engine.sh: a second, empty
# engine with only the registry) using the pushed image as --cache-from. Verify's share of fresh
# dependency units is reported for each rebuild.
# Needs tests/setup.sh (engine, registry, base image) and a Release build of build/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
host=${PREWARM_HOST:-"$root/build/bin/Release/net10.0/Build.dll"}
base=127.0.0.1:5000/prewarm/rust-base:bookworm
work=$(mktemp -d)
engine="$work/engine"
trap '"$root/tests/fresh-engine.sh" stop "$engine" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

seconds() { local start end; start=$(date +%s.%N); "$@" >>"$work/log" 2>&1 || { tail -20 "$work/log" >&2; exit 1; }; end=$(date +%s.%N); echo "$end - $start" | bc; }
fresh() { python3 -c 'import json,sys; u=json.load(open(sys.argv[1]))["repositories"][0]["units"]; print("%d/%d" % (u["freshDependencies"], u["dependencies"]))' "$1/verify/verify.json"; }
field() { python3 -c 'import json,sys; v=json.load(open(sys.argv[1])).get(sys.argv[2]); print("n/a" if v is None else "%.2f" % (v / 1e9))' "$1/docker/shop/image.json" "$2"; }

run_mode() {
  local storage=$1 uid=$((20000 + RANDOM % 30000)) repo="$work/$1/shop" artifacts="$work/$1/artifacts"
  local tag="127.0.0.1:5000/prewarm-bench/shop-$1:$uid"
  mkdir -p "$work/$1" && cp -r "$root/tests/examples/shop" "$repo" && rm -rf "$repo/target"
  local common=(--repo="$repo" --artifacts="$artifacts" --base-image="$base" --tag="$tag" --uid="$uid" --gid="$uid"
                --profile=release --deps-storage="$storage" --min-fresh-share=0)
  local cold same runner
  cold=$(seconds dotnet "$host" --target=Image "${common[@]}" --push --cache-to=type=inline)
  echo "// a source-only change" >>"$repo/crates/domain/src/lib.rs"
  same=$(seconds dotnet "$host" --target=Image "${common[@]}")
  dotnet "$host" --target=Verify --exclusive "${common[@]}" >>"$work/log" 2>&1
  local same_fresh; same_fresh=$(fresh "$artifacts")
  local size over; size=$(field "$artifacts" sizeBytes); over=$(field "$artifacts" sizeOverBaseBytes)
  local docker_host; docker_host=$("$root/tests/fresh-engine.sh" start "$engine")
  echo "// another source-only change, on a fresh runner" >>"$repo/crates/domain/src/lib.rs"
  runner=$(DOCKER_HOST=$docker_host seconds dotnet "$host" --target=Image "${common[@]}" --cache-from="$tag")
  DOCKER_HOST=$docker_host dotnet "$host" --target=Verify --exclusive "${common[@]}" >>"$work/log" 2>&1
  local runner_fresh; runner_fresh=$(fresh "$artifacts")
  "$root/tests/fresh-engine.sh" stop "$engine"
  /usr/bin/docker image rm -f "$tag" >/dev/null 2>&1 || true
  printf '| %s | %.0f s | %.1f s (%.3f×) | %s | %.1f s (%.3f×) | %s | %s GB (+%s GB) |\n' "$storage" "$cold" \
    "$same" "$(echo "$same / $cold" | bc -l)" "$same_fresh" "$runner" "$(echo "$runner / $cold" | bc -l)" "$runner_fresh" "$size" "$over"
}

echo "| --deps-storage | cold build + push | rebuild, same engine | deps fresh | rebuild, fresh runner | deps fresh | image (over base) |"
echo "|---|---:|---:|---:|---:|---:|---:|"
run_mode image
run_mode cache-mount
