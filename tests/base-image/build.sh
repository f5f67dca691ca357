#!/usr/bin/env bash
# Builds the local Rust base image the Docker tests and the bundled example build FROM:
#   prewarm/rust-base:bookworm = Debian bookworm (minbase) + rustc, cargo, gcc, sccache and the
#   same librust-*-dev crate packages as tests/packages.sh (the offline registry in
#   /usr/share/cargo/registry that tests/examples/shop/.cargo/config.toml points at).
# No image registry is reachable here, so the root file system comes from debootstrap and
# `docker import`. Idempotent: does nothing when the image exists.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
log() { printf '[base-image] %s\n' "$*" >&2; }

docker=${PREWARM_DOCKER_CLI:-/usr/bin/docker}   # docker.io's CLI: integrated BuildKit works without buildx
image=prewarm/rust-base:bookworm
minbase=local/bookworm:minbase
# The same image in the local registry (tests/registry.sh): what a fresh engine, a CI runner with
# nothing but the registry, builds FROM.
registry=${PREWARM_REGISTRY:-127.0.0.1:5000}
published=$registry/$image

publish() {
  if curl -fsS -o /dev/null -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' \
      "http://$registry/v2/prewarm/rust-base/manifests/bookworm" 2>/dev/null; then
    log "$published exists"
    return 0
  fi
  "$docker" tag "$image" "$published"
  "$docker" push "$published" >/dev/null
  log "$published pushed"
}

if "$docker" image inspect "$image" >/dev/null 2>&1; then
  log "$image exists"
  publish
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi

# The Debian mirror this machine uses (deb822 or one-line sources), deb.debian.org by default.
mirror=$(grep -hsoE 'https?://[^ ]+/debian/?( |$)' /etc/apt/sources.list.d/* /etc/apt/sources.list | head -1 | tr -d ' ' || true)
mirror=${mirror:-http://deb.debian.org/debian}

work=$(mktemp -d)
trap '$sudo rm -rf "$work"' EXIT

if ! "$docker" image inspect "$minbase" >/dev/null 2>&1; then
  log "debootstrap bookworm (minbase) from $mirror"
  $sudo debootstrap --variant=minbase bookworm "$work/rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 \
    || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
  log "docker import as $minbase"
  $sudo tar -C "$work/rootfs" -c . | "$docker" import - "$minbase" >/dev/null
  $sudo rm -rf "$work/rootfs"
fi

# shellcheck source=tests/packages.sh
. "$here/../packages.sh"
crates=()
for package in "${PREWARM_APT_PACKAGES[@]}"; do
  case "$package" in librust-*) crates+=("$package") ;; esac
done

mkdir -p "$work/context"
cat >"$work/context/Dockerfile" <<DOCKERFILE
FROM $minbase
RUN apt-get update \\
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \\
      rustc cargo gcc libc6-dev ca-certificates sccache ${crates[*]} \\
 && rm -rf /var/lib/apt/lists/*
ENV PATH=/usr/local/cargo/bin:\$PATH
DOCKERFILE
log "building $image"
DOCKER_BUILDKIT=1 "$docker" build --progress=plain -t "$image" "$work/context" >"$work/build.log" 2>&1 \
  || { tail -30 "$work/build.log" >&2; exit 1; }
log "$image ready"
publish
