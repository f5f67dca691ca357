#!/usr/bin/env bash
# Emulation against --cross for linux/arm64, side by side in one run: the bundled example
# (tests/examples/shop, or PREWARM_BENCH_REPO) built cold for linux/arm64 by the Image task on the
# engine's integrated BuildKit, first with every RUN step under qemu emulation (base
# 127.0.0.1:5000/prewarm/rust-base:bookworm), then with --cross (the cargo steps natively on
# linux/amd64 with --target aarch64-unknown-linux-gnu; base .../rust-base:bookworm-cross, the same
# image plus arm64's cross linker and Rust standard library). Each build uses a build user id never
# used before, so no layer is reused. Prints the wall time of each Image run and the time BuildKit
# spent in the dependency steps (warmup tiers and skeleton), read from each build.log.
# Needs tests/setup.sh (engine, registry, base images, qemu) and a Release build of build/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
host=${PREWARM_HOST:-"$root/build/bin/Release/net10.0/Build.dll"}
source_repo=${PREWARM_BENCH_REPO:-"$root/tests/examples/shop"}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
repo="$work/$(basename "$source_repo")"
cp -r "$source_repo" "$repo"
rm -rf "$repo/target"
id=$(basename "$repo")

seconds() { local start end; start=$(date +%s.%N); "$@" >>"$work/log" 2>&1 || { tail -20 "$work/log" >&2; exit 1; }; end=$(date +%s.%N); echo "$end - $start" | bc; }
image() { local uid=$1 artifacts=$2; shift 2; dotnet "$host" --target=Image --repo="$repo" --artifacts="$artifacts" \
  --platform=linux/arm64 --tag="prewarm-bench/$id-arm64:$uid" --uid="$uid" --gid="$uid" --profile=release "$@"; }
# Seconds BuildKit spent in the steps that compile dependencies: each step's "#N DONE s" for the steps
# whose header builds a warmup tier or the skeleton.
dependency_seconds() {
  awk '/^#[0-9]+ \[/ { if ($0 ~ / RUN / && $0 ~ /warmup\/|skeleton-messages/) deps[$1] = 1 }
       /^#[0-9]+ DONE [0-9.]+s$/ { if ($1 in deps) { sub("s$", "", $3); total += $3; delete deps[$1] } }
       END { printf "%.1f", total }' "$1"
}

emulated_uid=$((20000 + RANDOM % 30000)); cross_uid=$((emulated_uid + 1))
emulated=$(seconds image "$emulated_uid" "$work/emulated" --base-image=127.0.0.1:5000/prewarm/rust-base:bookworm)
emulated_deps=$(dependency_seconds "$work/emulated/docker/$id/build.log")
cross=$(seconds image "$cross_uid" "$work/cross" --base-image=127.0.0.1:5000/prewarm/rust-base:bookworm-cross --cross)
cross_deps=$(dependency_seconds "$work/cross/docker/$id/build.log")
machine() { /usr/bin/docker run --rm --platform linux/arm64 --entrypoint sh "$1" -c 'for f in /build/bin/*; do od -A n -t x1 -j 18 -N 2 "$f"; done | sort -u | tr -d " \n"'; }
printf '| linux/arm64, cold (%s) | Image wall s | dependency steps s | binaries (ELF e_machine) |\n|---|---:|---:|---|\n' "$id"
printf '| emulated (qemu-user-static) | %.1f | %.1f | %s |\n' "$emulated" "$emulated_deps" "$(machine "prewarm-bench/$id-arm64:$emulated_uid")"
printf '| --cross (amd64 -> aarch64-unknown-linux-gnu) | %.1f | %.1f | %s |\n' "$cross" "$cross_deps" "$(machine "prewarm-bench/$id-arm64:$cross_uid")"
printf '| emulated / cross | %.1fx | %.1fx | |\n' "$(echo "$emulated / $cross" | bc -l)" "$(echo "$emulated_deps / $cross_deps" | bc -l)"
/usr/bin/docker image rm -f "prewarm-bench/$id-arm64:$emulated_uid" "prewarm-bench/$id-arm64:$cross_uid" >/dev/null 2>&1 || true
