#!/usr/bin/env bash
# Scale benchmark (issue 16): Prewarm's Scan + Recipe on a generated COUNT-package workspace
# (tests/bench/large-workspace.sh) against `cargo metadata --no-deps --format-version 1` on the same
# tree, side by side in one run:
#   - whole process: the built host (`dotnet build/bin/Release/net10.0/Build.dll --target=Recipe`,
#     which runs Scan then Recipe), against cargo, with hyperfine (-N, alternating is not possible, so
#     both get the same warm-up and run count) — wall and CPU (user+sys) means;
#   - in-process: tests/bench/scale-bench runs the host's Scan + Recipe RUNS times in one process
#     (first run pays the JIT, as the built host does; the median of the rest is the warm cost), once
#     with the host's GC (a no-GC region per run, as build/Program.cs starts) and once with the
#     runtime's default.
# Build first: dotnet build PrewarmCake.sln -c Release. OLD_HOST=DIR (a copy of an earlier
# build/bin/Release/net10.0) adds that host's whole-process run beside the others. HOST=DIR times
# another host as "the built host": HOST=build/bin/host is the ReadyToRun host ./build.sh publishes
# (run ./build.sh --tree first).
#   tests/bench/scale-benchmark.sh [COUNT] [RUNS]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
count=${1:-1500}
runs=${2:-10}
build="$(cd "${HOST:-$root/build/bin/Release/net10.0}" 2>/dev/null && pwd)/Build.dll"   # absolute: hyperfine runs in the workspace
[ -f "$build" ] || { echo "missing $build: run dotnet build PrewarmCake.sln -c Release" >&2; exit 1; }
command -v hyperfine >/dev/null || { echo "hyperfine is needed (apt-get install hyperfine)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$root/tests/bench/large-workspace.sh" "$work/ws" "$count" >/dev/null
dotnet build "$root/tests/bench/scale-bench/ScaleBench.csproj" -c Release --nologo -v quiet >&2

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start; $(cargo --version)"
cd "$work/ws"
hyperfine -N --style basic --warmup 2 --runs "$runs" --export-json "$work/hf.json" \
  -n "cargo metadata --no-deps" "cargo metadata --no-deps --format-version 1 --offline" \
  -n "prewarm Scan+Recipe (process)" "dotnet $build --target=Recipe --repo=$work/ws --artifacts=$work/out --verbosity=quiet" \
  ${OLD_HOST:+-n "OLD prewarm Scan+Recipe (process)" "dotnet $OLD_HOST/Build.dll --target=Recipe --repo=$work/ws --artifacts=$work/old --verbosity=quiet"} >&2
bench="$root/tests/bench/scale-bench/bin/Release/net10.0/ScaleBench.dll"
inproc=$(dotnet "$bench" "$((runs + 1))" "$work/ws" "$work/in" | grep -E '^(in-process|allocated)')
inproc_default=$(dotnet "$bench" "$((runs + 1))" "$work/ws" "$work/in-default" --default-gc | grep -E '^(in-process|allocated)')
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at end"
python3 - "$work/hf.json" "$inproc" "$inproc_default" <<'PY'
import json, re, statistics, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
cargo, host = results["cargo metadata --no-deps"], results["prewarm Scan+Recipe (process)"]
def ms(r): return statistics.median(r["times"]) * 1000
def cpu(r): return (r["user"] + r["system"]) * 1000
def parse(text): return {k: (int(a), int(b)) for k, a, b in re.findall(r"Scan\+Recipe (wall|cpu) *: first (\d+) ms; warm median (\d+) ms", text)}
lines, default = parse(sys.argv[2]), parse(sys.argv[3])
c = ms(cargo)
print(f"| | wall median | CPU (user+sys) mean | wall / cargo |")
print(f"|---|---:|---:|---:|")
print(f"| cargo metadata --no-deps | {c:.0f} ms | {cpu(cargo):.0f} ms | 1.00 |")
print(f"| Prewarm Scan+Recipe, whole process | {ms(host):.0f} ms | {cpu(host):.0f} ms | {ms(host)/c:.2f} |")
if "OLD prewarm Scan+Recipe (process)" in results:
    o = results["OLD prewarm Scan+Recipe (process)"]
    print(f"| OLD_HOST Scan+Recipe, whole process | {ms(o):.0f} ms | {cpu(o):.0f} ms | {ms(o)/c:.2f} |")
w, u = lines["wall"], lines["cpu"]
print(f"| Prewarm Scan+Recipe, in-process, first run (JIT) | {w[0]} ms | {u[0]} ms | {w[0]/c:.2f} |")
print(f"| Prewarm Scan+Recipe, in-process, warm median | {w[1]} ms | {u[1]} ms | {w[1]/c:.2f} |")
dw, du = default["wall"], default["cpu"]
print(f"| Prewarm Scan+Recipe, in-process, warm median, runtime's default GC | {dw[1]} ms | {du[1]} ms | {dw[1]/c:.2f} |")
alloc = re.search(r"allocated per run \(MB/gen0 collections\): (.*)", sys.argv[2])
if alloc:
    print(f"in-process allocation per run (MB/gen0 collections): {alloc.group(1)}")
PY
