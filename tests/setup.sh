#!/usr/bin/env bash
# Prepares a fresh Debian machine for Prewarm's tests and bundled example (idempotent):
#  - Debian's crate packages, which give cargo an offline registry in /usr/share/cargo/registry
#  - sccache, docker.io (dockerd with integrated BuildKit), debootstrap for the local base image,
#    qemu-user-static and binfmt-support (qemu-aarch64 registered: linux/arm64 runs under emulation)
#  - starts dockerd when no engine answers, a local image registry on 127.0.0.1:5000
#    (tests/registry.sh), and builds the local Rust base image the Docker tests build FROM,
#    published in that registry too, for linux/amd64 and linux/arm64 under one tag
#    (tests/base-image/build.sh; no public registry can be pulled from here).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
log() { printf '[setup] %s\n' "$*" >&2; }

if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi

# shellcheck source=tests/packages.sh
. "$here/packages.sh"

missing=()
for package in "${PREWARM_APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${#missing[@]} Debian packages"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# qemu-user-static's handlers: binfmt-support registers them at boot or when installed under a
# running systemd; on a machine without it (or a container restarted since), register the one the
# arm64 base image needs. update-binfmts mounts binfmt_misc when it is not.
if [ "$(dpkg --print-architecture)" = amd64 ] && [ ! -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ]; then
  log "registering qemu-aarch64 with binfmt_misc"
  $sudo update-binfmts --enable qemu-aarch64 \
    || log "update-binfmts --enable qemu-aarch64 failed: linux/arm64 cannot run here"
fi

docker_cli=/usr/bin/docker   # docker.io's CLI: the one whose DOCKER_BUILDKIT=1 path works without buildx
if ! "$docker_cli" info >/dev/null 2>&1; then
  log "starting dockerd"
  mkdir -p /var/log
  (setsid dockerd >/var/log/prewarm-dockerd.log 2>&1 &)
  for _ in $(seq 1 60); do
    "$docker_cli" info >/dev/null 2>&1 && break
    sleep 1
  done
  "$docker_cli" info >/dev/null 2>&1 || { log "dockerd did not start; see /var/log/prewarm-dockerd.log"; tail -20 /var/log/prewarm-dockerd.log >&2; exit 1; }
fi

"$here/registry.sh"

if [ -x "$here/base-image/build.sh" ]; then
  "$here/base-image/build.sh"
fi
log "ready"
