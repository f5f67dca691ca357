#!/usr/bin/env bash
# Dependency-change benchmark (issue 21), side by side in one run on the same engine: the bundled
# example built cold, then after a source edit, a dependency added to one member (itoa, already in
# the lockfile through serde_json: nothing new to download), and a feature switched (tokio's "fs", which no crate enabled),
# each a rebuild of the image before it. Three ways of building the same image:
#   prewarm        — the Image task, seeded from the previous image (the default, --seed=on)
#   prewarm-noseed — the Image task with --seed=off (from the warmup tiers alone, as before issue 21)
#   cargo-chef     — cargo-chef 0.1.77's documented planner/cook Dockerfile (../shared/peers/cargo-chef)
# Each row: seconds, and the crates cargo compiled outside the workspace (its "Compiling" lines,
# the workspace's own and Prewarm's warmup crates left out). Each way's cold build is really cold without
# pruning the engine's cache (other builds may be using it): Prewarm's with a build user id never used
# before, cargo-chef's with a first layer of this run's own. Needs tests/setup.sh's engine and base image and a Release build of build/.
#   tests/bench/dependency-change.sh [WAY...]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
chef="$root/../shared/peers/cargo-chef"
docker=/usr/bin/docker
ways=("$@")
[ ${#ways[@]} -gt 0 ] || ways=(prewarm prewarm-noseed cargo-chef)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
base=prewarm/rust-base:bookworm

compiled() { grep -oE 'Compiling [A-Za-z0-9_-]+ v' "$1" | awk '{print $2}' | grep -vE '^(shop-|prewarm-warmup-)' | wc -l; }

build() {   # way, dir, log
  local way=$1 dir=$2 log=$3
  case $way in
    prewarm|prewarm-noseed)
      dotnet "$root/build/bin/Release/net10.0/Build.dll" --target=Image --repo="$dir/shop" --artifacts="$dir/artifacts" \
        --profile=release --base-image="$base" --platform=linux/amd64 --tag="prewarm-bench/dependency-$way:$uid" \
        --uid="$uid" --gid="$uid" "$([ "$way" = prewarm ] && echo --seed=on || echo --seed=off)" >"$log" 2>&1 ;;
    cargo-chef)
      DOCKER_BUILDKIT=1 "$docker" build --progress=plain --build-arg BENCH_RUN="$uid" -f "$dir/chef.Dockerfile" -t prewarm-bench/dependency-chef:latest "$dir/shop" >"$log" 2>&1 ;;
  esac
}

measure() {   # way, dir, name
  local start end
  start=$(date +%s.%N)
  build "$1" "$2" "$2/$3.log" || { echo "$1 $3 failed; log $2/$3.log:" >&2; tail -20 "$2/$3.log" >&2; exit 1; }
  end=$(date +%s.%N)
  printf '%.1f s (%s)' "$(echo "$end - $start" | bc)" "$(compiled "$2/$3.log")"
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
echo "| way | cold | source edit | dependency added | feature switched |"
echo "|---|---:|---:|---:|---:|"
for way in "${ways[@]}"; do
  dir="$work/$way"
  mkdir -p "$dir"
  cp -r "$root/tests/examples/shop" "$dir/shop"
  rm -rf "$dir/shop/target"
  uid=$((20000 + RANDOM))
  if [ "$way" = cargo-chef ]; then
    [ -x "$chef" ] || { echo "| cargo-chef | not measured: $chef is missing | | | |"; continue; }
    cp "$chef" "$dir/shop/cargo-chef"
    cat > "$dir/chef.Dockerfile" <<EOF
FROM $base AS chef
ARG BENCH_RUN
RUN echo "benchmark run \$BENCH_RUN" > /bench-run
COPY cargo-chef /usr/local/bin/cargo-chef
WORKDIR /app
FROM chef AS planner
COPY . .
RUN cargo chef prepare --recipe-path recipe.json
FROM chef AS builder
COPY .cargo .cargo
COPY --from=planner /app/recipe.json recipe.json
RUN cargo chef cook --release --recipe-path recipe.json
COPY . .
RUN cargo build --release
EOF
  fi
  row="| $way | $(measure "$way" "$dir" cold)"
  echo "// a source edit" >> "$dir/shop/crates/domain/src/lib.rs"
  row+=" | $(measure "$way" "$dir" source)"
  sed -i 's/^thiserror.workspace = true$/thiserror.workspace = true\nitoa = "1"/' "$dir/shop/crates/domain/Cargo.toml"
  python3 - "$dir/shop/Cargo.lock" <<'PY'
import sys
p = sys.argv[1]
text = open(p).read()
old = 'name = "shop-domain"\nversion = "0.3.1"\ndependencies = [\n'
assert old in text
open(p, 'w').write(text.replace(old, old + ' "itoa",\n', 1))
PY
  row+=" | $(measure "$way" "$dir" dependency)"
  sed -i 's/features = \["rt-multi-thread", "macros"\]/features = ["rt-multi-thread", "macros", "fs"]/' "$dir/shop/Cargo.toml"
  row+=" | $(measure "$way" "$dir" feature) |"
  echo "$row"
done
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at end; (N) = crates compiled outside the workspace"
