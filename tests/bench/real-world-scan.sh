#!/usr/bin/env bash
# Benchmark: in-process RepositoryScanner.Scan against `cargo metadata --no-deps` (run on every
# workspace root and standalone package the scan finds) on real repositories, side by side in one
# run, RUNS alternating repetitions after a warm-up; prints a markdown table of medians and ratios.
#   tests/bench/real-world-scan.sh [-n RUNS] DIR...
# CONFIG=Debug|Release (default Release) picks the build. A repository pinning a toolchain you do
# not have (rust-toolchain.toml) needs RUSTUP_TOOLCHAIN=stable; --no-deps needs no registry.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=5
if [ "${1:-}" = "-n" ]; then runs=$2; shift 2; fi
[ $# -gt 0 ] || { echo "usage: $0 [-n RUNS] DIR..." >&2; exit 2; }
config=${CONFIG:-Release}
project="$root/tests/bench/real-world-scan/RealWorldScan.csproj"
dotnet build "$project" -c "$config" --nologo -v quiet >&2
dotnet "$root/tests/bench/real-world-scan/bin/$config/net10.0/RealWorldScan.dll" "$runs" "$@"
