#!/usr/bin/env bash
# Writes DIR/.cargo/config.toml, the cargo config of the generated workspaces: crates.io replaced by
# Debian's offline crate directory (CARGO_REGISTRY_DIR, default /usr/share/cargo/registry), offline.
#   tests/bench/offline-config.sh DIR
set -euo pipefail
dir=${1:?usage: offline-config.sh DIR}
registry=${CARGO_REGISTRY_DIR:-/usr/share/cargo/registry}
mkdir -p "$dir/.cargo"
cat > "$dir/.cargo/config.toml" <<TOML
[source.crates-io]
replace-with = "debian"

[source.debian]
directory = "$registry"

[net]
offline = true
TOML
