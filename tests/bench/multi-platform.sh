#!/usr/bin/env bash
# Multi-platform builder images without buildx, side by side in one run: a small repository (one
# binary, one dependency) built cold for linux/amd64 alone, then cold for linux/amd64 + linux/arm64
# (arm64 under qemu emulation), then a source-only rebuild of both platforms. Each cold build uses a
# build user id never used before, so no layer is reused.
# Needs tests/setup.sh (engine, registry, multi-platform base image, qemu) and a Release build of build/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
host=${PREWARM_HOST:-"$root/build/bin/Release/net10.0/Build.dll"}
base=127.0.0.1:5000/prewarm/rust-base:bookworm
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
repo="$work/hello"
mkdir -p "$repo/src" "$repo/.cargo"
cp "$root/tests/examples/shop/.cargo/config.toml" "$repo/.cargo/"
printf '[package]\nname = "hello-platform"\nversion = "0.1.0"\nedition = "2021"\nrust-version = "1.63"\n\n[dependencies]\nserde_json = "1"\n' >"$repo/Cargo.toml"
printf 'fn main() { println!("{}", serde_json::json!({"arch": std::env::consts::ARCH})); }\n' >"$repo/src/main.rs"
(cd "$repo" && cargo generate-lockfile --offline -q)
seconds() { local start end; start=$(date +%s.%N); "$@" >>"$work/log" 2>&1 || { tail -20 "$work/log" >&2; exit 1; }; end=$(date +%s.%N); echo "$end - $start" | bc; }
image() { local uid=$1; shift; dotnet "$host" --target=Image --repo="$repo" --artifacts="$work/artifacts" --base-image="$base" \
  --tag="127.0.0.1:5000/prewarm-bench/hello:$uid" --uid="$uid" --gid="$uid" --profile=release "$@"; }
one=$((20000 + RANDOM % 30000)); two=$((one + 1))
amd64=$(seconds image "$one" --platform=linux/amd64)
both=$(seconds image "$two" --platform=linux/amd64,linux/arm64 --push)
echo "// a source-only change" >>"$repo/src/main.rs"
rebuild=$(seconds image "$two" --platform=linux/amd64,linux/arm64 --push)
printf '| build | seconds |\n|---|---:|\n| cold, linux/amd64 | %.1f |\n| cold, linux/amd64 + linux/arm64 (emulated), pushed and joined | %.1f |\n| cost of the second platform | %.1f (%.1f× the amd64 build) |\n| source-only rebuild, both platforms, pushed | %.1f |\n' \
  "$amd64" "$both" "$(echo "$both - $amd64" | bc)" "$(echo "($both - $amd64) / $amd64" | bc -l)" "$rebuild"
