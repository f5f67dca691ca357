#!/usr/bin/env bash
# Writes a Cargo workspace of N packages (default 300) into DIR, shaped like a real monorepo:
# members by glob, [workspace.package]/[workspace.dependencies] inheritance, path dependencies on
# earlier packages, renamed and cfg-targeted registry dependencies, features, bins and tests.
set -euo pipefail
dir=${1:?usage: generate-workspace.sh DIR [COUNT]}
count=${2:-300}
rm -rf "$dir"
mkdir -p "$dir/crates"
"$(dirname "$0")/offline-config.sh" "$dir"
cat > "$dir/Cargo.toml" <<'TOML'
[workspace]
resolver = "2"
members = ["crates/*"]

[workspace.package]
version = "0.1.0"
edition = "2021"
rust-version = "1.70"

[workspace.dependencies]
serde = { version = "1.0", features = ["derive"] }
serde_json = "1.0"
tokio = { version = "1.24", default-features = false, features = ["rt"] }
anyhow = "1.0"
thiserror = "1.0"
tracing = "0.1"
regex = "1"
TOML
for i in $(seq -w 1 "$count"); do
  p="$dir/crates/p$i"
  mkdir -p "$p/src" "$p/tests"
  {
    printf '[package]\nname = "p%s"\nversion.workspace = true\nedition.workspace = true\nrust-version.workspace = true\n\n' "$i"
    printf '[dependencies]\nserde = { workspace = true, features = ["rc"] }\nanyhow.workspace = true\ntokio = { workspace = true, optional = true, features = ["macros"] }\n'
    printf 'json = { package = "serde_json", version = "1.0" }\nonce_cell = "1"\n'
    prev=$((10#$i - 1))
    if [ "$prev" -ge 1 ]; then printf 'p%0*d = { path = "../p%0*d" }\n' "${#i}" "$prev" "${#i}" "$prev"; fi
    printf '\n[dev-dependencies]\nregex.workspace = true\n'
    printf '\n[target.'"'"'cfg(unix)'"'"'.dependencies]\nlog = "0.4"\n'
    printf '\n[features]\ndefault = []\nasync = ["dep:tokio"]\n'
  } > "$p/Cargo.toml"
  printf 'pub fn f() {}\n' > "$p/src/lib.rs"
  printf '#[test]\nfn t() {}\n' > "$p/tests/smoke.rs"
  if [ $((10#$i % 10)) -eq 0 ]; then mkdir -p "$p/src/bin"; printf 'fn main() {}\n' > "$p/src/bin/tool.rs"; fi
done
echo "generated $count packages in $dir"
