#!/usr/bin/env bash
# Checks the fast test tier's promise: its tests start no process (cargo, git, docker, dotnet, the build
# host, stat …). Runs the tier under strace and lists every program started besides dotnet test's own
# (the MSBuild node, the vstest console, the test host). A test that starts one needs [Category("Slow")].
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v strace >/dev/null || { echo "strace is missing (apt-get install strace)" >&2; exit 2; }
log=$(mktemp)
trap 'rm -f "$log"' EXIT
strace -f -qq -s 256 -e trace=execve -e signal=none -o "$log" \
  dotnet test PrewarmCake.sln -c Release --no-build --filter "TestCategory!=Slow&TestCategory!=Docker&TestCategory!=Benchmark"
started=$(grep -E 'execve\(' "$log" | grep -v 'ENOENT\|resumed' \
  | sed -E 's/^[0-9]+ +execve\("([^"]+)", \[(.*)\].*/\1 \2/' \
  | grep -vE '^[^ ]*/dotnet "[^"]*", ("test"|"exec"|"[^"]*/MSBuild\.dll")' || true)
if [ -n "$started" ]; then
  echo "fast tier tests started processes:" >&2
  printf '%s\n' "$started" >&2
  exit 1
fi
echo "fast tier: no test started a process"
