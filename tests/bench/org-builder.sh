#!/usr/bin/env bash
# Organisation builder image, side by side in one run: the bundled example and a second workspace
# ("billing") go into one builder image; a third repository ("reports": crates both use, plus
# itertools, which neither has) is then built cold from the plain base image, and FROM the builder
# image. Reported: both times, the share of its dependency units the builder supplied, the builder's
# size. Each build uses a build user id never used before (no layer reuse between the two).
# Needs tests/setup.sh (engine, registry, base image) and a Release build of build/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
host=${PREWARM_HOST:-"$root/build/bin/Release/net10.0/Build.dll"}
base=127.0.0.1:5000/prewarm/rust-base:bookworm
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
workspace() {
  local name=$1 dependencies=$2
  mkdir -p "$work/$name/src" "$work/$name/.cargo"
  cp "$root/tests/examples/shop/.cargo/config.toml" "$work/$name/.cargo/"
  printf '[package]\nname = "%s"\nversion = "0.1.0"\nedition = "2021"\nrust-version = "1.63"\n\n[dependencies]\n%s\n' "$name" "$dependencies" >"$work/$name/Cargo.toml"
  printf 'fn main() { println!("ok"); }\n' >"$work/$name/src/main.rs"
  (cd "$work/$name" && cargo generate-lockfile --offline -q)
}
cp -r "$root/tests/examples/shop" "$work/shop" && rm -rf "$work/shop/target"
workspace billing $'anyhow = "1"\nregex = "1"\nserde_json = "1"\ntokio = { version = "1", features = ["rt-multi-thread", "macros"] }'
workspace reports $'anyhow = "1"\nitertools = "0.10"\nregex = "1"\nserde = { version = "1", features = ["derive"] }\nserde_json = "1"'
seconds() { local start end; start=$(date +%s.%N); "$@" >>"$work/log" 2>&1 || { tail -20 "$work/log" >&2; exit 1; }; end=$(date +%s.%N); echo "$end - $start" | bc; }
uid=$((20000 + RANDOM % 30000)); cold_uid=$((uid + 1))
builder_time=$(seconds dotnet "$host" --target=BuilderImage --repo="$work/shop" --repo="$work/billing" --artifacts="$work/org" \
  --base-image="$base" --builder-tag=prewarm-bench/org-builder:latest --uid="$uid" --gid="$uid" --profile=release)
builder=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["image"])' "$work/org/docker/_builder/image.json")
builder_size=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print("%.2f GB (+%.2f GB over its base)" % (r["sizeBytes"] / 1e9, r["sizeOverBaseBytes"] / 1e9))' "$work/org/docker/_builder/image.json")
cold=$(seconds dotnet "$host" --target=Image --repo="$work/reports" --artifacts="$work/cold" --base-image="$base" \
  --tag=prewarm-bench/reports:cold --uid="$cold_uid" --gid="$cold_uid" --profile=release)
from=$(seconds dotnet "$host" --target=Image --repo="$work/reports" --artifacts="$work/from" --builder-image="$builder" \
  --tag=prewarm-bench/reports:from-builder --uid="$uid" --gid="$uid" --profile=release)
dotnet "$host" --target=Verify --exclusive --repo="$work/reports" --artifacts="$work/from" --min-fresh-share=0 >>"$work/log" 2>&1
supply=$(python3 -c 'import json,sys; u=json.load(open(sys.argv[1]))["repositories"][0]["units"]; print("%d of %d (%.0f%%); compiled: %s" % (u["fromBuilderImage"], u["fromBuilderImage"] + u["compiledInSkeleton"], u["builderSharePercent"], ", ".join("%s (%s)" % (m["name"], m["reason"]) for m in u["missedInBuilder"])))' "$work/from/verify/verify.json")
/usr/bin/docker image rm -f prewarm-bench/reports:cold prewarm-bench/reports:from-builder "$builder" prewarm-bench/org-builder:latest >/dev/null 2>&1 || true
printf '| | seconds |\n|---|---:|\n| builder image (shop + billing), cold | %.0f |\n| reports image, cold from the base image | %.1f |\n| reports image, FROM the builder image | %.1f (%.2f× cold) |\n\nbuilder image: %s; dependency units of reports supplied by it: %s\n' \
  "$builder_time" "$cold" "$from" "$(echo "$from / $cold" | bc -l)" "$builder_size" "$supply"
