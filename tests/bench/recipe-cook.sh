#!/usr/bin/env bash
# Benchmarks the Recipe + Cook path on the bundled example (tests/examples/shop), one run, side by side:
#   cold        cargo build from an empty target directory
#   cook        the Cook task (skeleton build + removal of the dummy crates' artifacts)
#   warm        cargo build of the real sources after cook (only the local crates compile)
#   app-only    cargo build after touching the lowest local crate, with every dependency already built
# The goal is warm <= 1.2 x app-only. Usage: [CARGO_INCREMENTAL=0] tests/bench/recipe-cook.sh [--release]
# With dev's default incremental compilation the app-only rebuild reuses incremental state that a
# build after cook (as in a fresh Docker layer) never has; CARGO_INCREMENTAL=0 (usual in CI and
# images) compares the same work.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
profile_args=("$@")
work="$(mktemp -d /tmp/prewarm-bench-recipe.XXXXXX)"
trap 'rm -rf "$work"' EXIT
cp -r "$root/tests/examples/shop" "$work/shop"
rm -rf "$work/shop/target"
host=(dotnet "$root/build/bin/Release/net10.0/Build.dll")
[ -f "${host[1]}" ] || dotnet build "$root/build/Build.csproj" -c Release -v quiet >/dev/null

seconds() { local start=$(date +%s.%N); "$@" >"$work/last.log" 2>&1 || { cat "$work/last.log"; exit 1; }; echo "$(date +%s.%N) - $start" | bc; }

cd "$work/shop"
cold=$(seconds cargo build --offline --locked "${profile_args[@]}" --target-dir "$work/cold")
echo "// touched by the benchmark" >> crates/domain/src/lib.rs
app_only=$(seconds cargo build --offline --locked "${profile_args[@]}" --target-dir "$work/cold")
"${host[@]}" --target=Recipe --exclusive --repo="$work/shop" --artifacts="$work/artifacts" "${profile_args[@]}" >/dev/null
cook=$(seconds "${host[@]}" --target=Cook --exclusive --repo="$work/shop" --artifacts="$work/artifacts" --target-dir="$work/cooked" --offline "${profile_args[@]}")
warm=$(seconds cargo build --offline --locked "${profile_args[@]}" --target-dir "$work/cooked")

printf '| profile | CARGO_INCREMENTAL | cold | cook | warm after cook | app-only | warm / app-only | cold / warm |\n|---|---|---|---|---|---|---|---|\n'
printf '| %s | %s | %.1f s | %.1f s | %.1f s | %.1f s | %.2f | %.1f |\n' "${profile_args[*]:-dev}" "${CARGO_INCREMENTAL:-default}" "$cold" "$cook" "$warm" "$app_only" \
  "$(echo "$warm / $app_only" | bc -l)" "$(echo "$cold / $warm" | bc -l)"
