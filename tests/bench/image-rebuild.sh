#!/usr/bin/env bash
# Image build benchmark: cold builder image (BuildKit cache pruned) against a rebuild after a
# source-only change, side by side in one run, on a copy of the bundled example.
# Needs the engine and base image from tests/setup.sh, and a Release build of build/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$root/tests/examples/shop" "$work/shop"
rm -rf "$work/shop/target"
build() {
  dotnet "$root/build/bin/Release/net10.0/Build.dll" --target=Image --repo="$work/shop" --artifacts="$work/artifacts" \
    --base-image=prewarm/rust-base:bookworm --platform=linux/amd64 --tag=prewarm-bench/shop:latest >/dev/null
}
seconds() { local start end; start=$(date +%s.%N); "$@"; end=$(date +%s.%N); echo "$end - $start" | bc; }
/usr/bin/docker builder prune -af >/dev/null
cold=$(seconds build)
echo "// source-only change" >> "$work/shop/crates/domain/src/lib.rs"
rebuild=$(seconds build)
printf 'cold image build: %.1f s\nrebuild after a source-only change: %.1f s\nratio rebuild/cold: %.3f\n' "$cold" "$rebuild" "$(echo "$rebuild / $cold" | bc -l)"
