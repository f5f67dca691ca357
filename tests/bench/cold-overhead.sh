#!/usr/bin/env bash
# What Prewarm's layering costs a cold build: one repository (a copy of the bundled example), the
# same base image and engine, no cache reused (a build user id never used before for Prewarm,
# --no-cache for the others), side by side in one run:
#   plain      a Dockerfile that copies the repository and runs `cargo build --release` once
#              (what a team has before any dependency caching; nothing warm in its image)
#   no tiers   Prewarm's image with no warmup tier (--tiers naming none): skeleton + sources
#   prewarm    Prewarm's image as Warmup builds it by default: tiers + skeleton + sources
# For one repository the tiers are overhead (they pay off in the organisation builder image).
# Needs tests/setup.sh (engine, base image) and a Release build of build/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
host=${PREWARM_HOST:-"$root/build/bin/Release/net10.0/Build.dll"}
docker=/usr/bin/docker
base=prewarm/rust-base:bookworm
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$root/tests/examples/shop" "$work/shop" && rm -rf "$work/shop/target"
printf '{"tiers":{"core":[]},"minRepositories":1000}\n' >"$work/no-tiers.json"   # a tier no crate qualifies for

seconds() { local start end; start=$(date +%s.%N); "$@" >>"$work/log" 2>&1 || { tail -20 "$work/log" >&2; exit 1; }; end=$(date +%s.%N); echo "$end - $start" | bc; }

plain() {
  cat >"$work/plain.Dockerfile" <<EOF
FROM $base
WORKDIR /src
COPY . .
RUN cargo build --release
EOF
  DOCKER_BUILDKIT=1 "$docker" build --no-cache -q -f "$work/plain.Dockerfile" -t prewarm-bench/shop-plain "$work/shop"
}

prewarm() {
  local uid=$((20000 + RANDOM % 30000))
  echo "prewarm-bench/shop-$1:$uid" >>"$work/tags"
  dotnet "$host" --target=Image --repo="$work/shop" --artifacts="$work/artifacts-$1" --base-image="$base" \
    --tag="prewarm-bench/shop-$1:$uid" --uid="$uid" --gid="$uid" --profile=release "${@:2}"
}

# Two rounds in opposite orders, so a load that changes during the run weighs on every variant alike.
p1=$(seconds plain); n1=$(seconds prewarm none --tiers="$work/no-tiers.json"); w1=$(seconds prewarm tiers)
w2=$(seconds prewarm tiers); n2=$(seconds prewarm none --tiers="$work/no-tiers.json"); p2=$(seconds plain)
p=$(echo "($p1 + $p2) / 2" | bc -l); n=$(echo "($n1 + $n2) / 2" | bc -l); w=$(echo "($w1 + $w2) / 2" | bc -l)
echo "| build | round 1 (s) | round 2 (s) | mean (s) | × plain |"
echo "|---|---:|---:|---:|---:|"
printf '| plain `cargo build --release` | %.1f | %.1f | %.1f | 1.00 |\n' "$p1" "$p2" "$p"
printf '| Prewarm, no tiers (skeleton + sources) | %.1f | %.1f | %.1f | %.2f |\n' "$n1" "$n2" "$n" "$(echo "$n / $p" | bc -l)"
printf '| Prewarm, default tiers + skeleton + sources | %.1f | %.1f | %.1f | %.2f |\n' "$w1" "$w2" "$w" "$(echo "$w / $p" | bc -l)"
xargs "$docker" image rm -f prewarm-bench/shop-plain <"$work/tags" >/dev/null 2>&1 || true
