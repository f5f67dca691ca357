#!/usr/bin/env bash
# Benchmark: Prewarm's Scan (the real build host, as a process) against `cargo metadata --no-deps`
# on the same generated 300-package workspace. Both are run RUNS times, alternating; prints the
# median wall time of each and the ratio scan/cargo. Build first: dotnet build PrewarmCake.sln -c Release
#   tests/bench/scan-benchmark.sh [COUNT] [RUNS]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
count=${1:-300}
runs=${2:-7}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$root/tests/bench/generate-workspace.sh" "$work/ws" "$count" >/dev/null
build="$root/build/bin/Release/net10.0/Build.dll"
[ -f "$build" ] || { echo "missing $build: run dotnet build PrewarmCake.sln -c Release" >&2; exit 1; }

now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
cargo_times=(); scan_times=()
cd "$work/ws"
# Warm-up of both (file cache, .NET tiered JIT is per process anyway).
cargo metadata --no-deps --format-version 1 --offline >/dev/null
dotnet "$build" --target=Scan --exclusive --repo="$work/ws" --artifacts="$work/out" --verbosity=quiet >/dev/null
for _ in $(seq "$runs"); do
  t0=$(now); cargo metadata --no-deps --format-version 1 --offline >/dev/null; t1=$(now)
  cargo_times+=($(( (t1 - t0) / 1000000 )))
  t0=$(now); dotnet "$build" --target=Scan --exclusive --repo="$work/ws" --artifacts="$work/out" --verbosity=quiet >/dev/null; t1=$(now)
  scan_times+=($(( (t1 - t0) / 1000000 )))
done
cargo_ms=$(printf '%s\n' "${cargo_times[@]}" | median)
scan_ms=$(printf '%s\n' "${scan_times[@]}" | median)
packages=$(grep -c '"manifestPath"' "$work/out/scan.json" || true)
echo "packages:                         $count (scan.json manifestPath entries: $packages)"
echo "cargo metadata --no-deps (median): ${cargo_ms} ms  runs: ${cargo_times[*]}"
echo "prewarm Scan, whole process (median): ${scan_ms} ms  runs: ${scan_times[*]}"
awk -v s="$scan_ms" -v c="$cargo_ms" 'BEGIN { printf "ratio scan/cargo: %.2f\n", s / c }'
