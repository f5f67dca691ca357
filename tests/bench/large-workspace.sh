#!/usr/bin/env bash
# Writes a deterministic Cargo workspace of COUNT packages (default 1500) into DIR for the Scale
# benchmark (issue 16): members by a two-level glob in 30 groups, [workspace.package] and
# [workspace.dependencies] inheritance, 1-3 path dependencies per package on earlier ones (normal,
# dev and build), registry dependencies from Debian's offline crate directory (plain, renamed,
# optional, cfg-targeted), features, build scripts, bins, examples, tests and benches, and a
# Cargo.lock from `cargo generate-lockfile --offline` (skipped with NO_LOCKFILE=1).
#   tests/bench/large-workspace.sh DIR [COUNT]
# The same COUNT always gives the same bytes: no randomness, no dates, sorted output.
set -euo pipefail
dir=${1:?usage: large-workspace.sh DIR [COUNT]}
count=${2:-1500}
registry=${CARGO_REGISTRY_DIR:-/usr/share/cargo/registry}
[ -d "$registry/serde-1.0.152" ] || { echo "no offline registry at $registry (run tests/setup.sh)" >&2; exit 1; }
rm -rf "$dir"
"$(dirname "$0")/offline-config.sh" "$dir"
cat > "$dir/Cargo.toml" <<'TOML'
[workspace]
resolver = "2"
members = ["crates/*/*"]
exclude = ["crates/g00/skip-me"]

[workspace.package]
version = "0.3.0"
edition = "2021"
rust-version = "1.63"
license = "MIT"
authors = ["Bench <bench@example.invalid>"]

[workspace.dependencies]
serde = { version = "1.0", features = ["derive"] }
serde_json = "1.0"
anyhow = "1.0"
thiserror = "1.0"
log = "0.4"
once_cell = "1"
regex = { version = "1", default-features = false, features = ["std"] }
tokio = { version = "1.24", default-features = false, features = ["rt"] }

[profile.release]
debug = 1

[workspace.metadata.bench]
generator = "tests/bench/large-workspace.sh"
TOML
printf '.cargo/\ntarget/\n' > "$dir/.gitignore"

name() { printf 'pkg-%04d' "$1"; }
group() { printf 'g%02d' $(( $1 % 30 )); }

for i in $(seq 1 "$count"); do
  n=$(name "$i")
  p="$dir/crates/$(group "$i")/$n"
  mkdir -p "$p/src"
  {
    printf '[package]\nname = "%s"\nversion.workspace = true\nedition.workspace = true\n' "$n"
    printf 'rust-version.workspace = true\nlicense.workspace = true\nauthors.workspace = true\n'
    printf 'description = "generated package %d"\n' "$i"
    [ $((i % 7)) -eq 0 ] && printf 'build = "build.rs"\n'
    printf '\n[dependencies]\nserde = { workspace = true, features = ["rc"] }\nanyhow.workspace = true\n'
    [ $((i % 2)) -eq 0 ] && printf 'json = { package = "serde_json", version = "1.0" }\n'
    [ $((i % 3)) -eq 0 ] && printf 'tokio = { workspace = true, optional = true, features = ["macros"] }\n'
    [ $((i % 5)) -eq 0 ] && printf 'thiserror.workspace = true\n'
    [ $((i % 11)) -eq 0 ] && printf 'itoa = "1"\nmemchr = { version = "2", default-features = false }\n'
    # Path dependencies on 1-3 earlier packages, spread over the groups.
    for k in 1 7 31; do
      d=$((i - k * (1 + i % 3)))
      if [ "$d" -ge 1 ] && { [ "$k" -eq 1 ] || [ $(((i + k) % 4)) -eq 0 ]; }; then
        printf '%s = { path = "../../%s/%s", version = "0.3" }\n' "$(name "$d")" "$(group "$d")" "$(name "$d")"
      fi
    done
    printf '\n[dev-dependencies]\nregex.workspace = true\n'
    if [ "$i" -gt 50 ] && [ $((i % 13)) -eq 0 ]; then
      d=$((i - 50)); printf '%s = { path = "../../%s/%s" }\n' "$(name "$d")" "$(group "$d")" "$(name "$d")"
    fi
    if [ $((i % 7)) -eq 0 ]; then
      printf '\n[build-dependencies]\ncfg-if = "1"\n'
    fi
    printf '\n[target.'"'"'cfg(unix)'"'"'.dependencies]\nlog.workspace = true\n'
    [ $((i % 9)) -eq 0 ] && printf '\n[target.'"'"'cfg(windows)'"'"'.dependencies]\nwinapi = { version = "0.3", features = ["winbase"] }\n'
    printf '\n[features]\ndefault = ["std"]\nstd = []\n'
    [ $((i % 3)) -eq 0 ] && printf 'async = ["dep:tokio"]\n'
    [ $((i % 17)) -eq 0 ] && printf '\n[[bench]]\nname = "speed"\nharness = false\n'
    [ $((i % 19)) -eq 0 ] && printf '\n[lib]\ndoctest = false\n'
    printf '\n[package.metadata.docs.rs]\nall-features = true\n'
  } > "$p/Cargo.toml"
  printf 'pub fn f() -> u32 { %d }\n' "$i" > "$p/src/lib.rs"
  if [ $((i % 4)) -eq 0 ]; then mkdir -p "$p/tests"; printf '#[test]\nfn t() {}\n' > "$p/tests/smoke.rs"; fi
  if [ $((i % 10)) -eq 0 ]; then mkdir -p "$p/src/bin"; printf 'fn main() {}\n' > "$p/src/bin/tool.rs"; fi
  if [ $((i % 15)) -eq 0 ]; then mkdir -p "$p/examples"; printf 'fn main() {}\n' > "$p/examples/demo.rs"; fi
  if [ $((i % 17)) -eq 0 ]; then mkdir -p "$p/benches"; printf 'fn main() {}\n' > "$p/benches/speed.rs"; fi
  if [ $((i % 7)) -eq 0 ]; then printf 'fn main() {}\n' > "$p/build.rs"; fi
done
# An excluded directory that is not a package, and one that is git-ignored-like test data.
mkdir -p "$dir/crates/g00/skip-me" "$dir/docs/notes"
printf 'not a package\n' > "$dir/crates/g00/skip-me/README"
printf 'notes\n' > "$dir/docs/notes/README"

if [ "${NO_LOCKFILE:-}" != 1 ]; then
  (cd "$dir" && cargo generate-lockfile --offline --quiet)
fi
echo "generated $count packages in $dir"
