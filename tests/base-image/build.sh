#!/usr/bin/env bash
# Builds the local Rust base image the Docker tests and the bundled example build FROM:
#   Debian bookworm (minbase) + rustc, cargo, gcc, sccache and the same librust-*-dev crate packages
#   as tests/packages.sh (the offline registry in /usr/share/cargo/registry that
#   tests/examples/shop/.cargo/config.toml points at), for linux/amd64 and linux/arm64:
#     prewarm/rust-base:bookworm                      local, linux/amd64 (what the engine builds FROM by name)
#     127.0.0.1:5000/prewarm/rust-base:bookworm-amd64 \ in the local registry (tests/registry.sh),
#     127.0.0.1:5000/prewarm/rust-base:bookworm-arm64 / one per platform, and
#     127.0.0.1:5000/prewarm/rust-base:bookworm       a manifest list naming both: FROM it resolves per --platform.
# No image registry is reachable here, so root file systems come from debootstrap: amd64 through
# `docker import`, arm64 with `debootstrap --arch=arm64` (its second stage runs under qemu-user-static,
# which tests/setup.sh registers) and `docker build --platform linux/arm64` FROM scratch, so the image
# config says arm64 (`docker import` records amd64 whatever --platform says). The arm64 packages are
# downloaded by apt-get in an arm64 container, unpacked by this machine's dpkg and configured by the
# arm64 dpkg under emulation (install_foreign; apt-get install under emulation took up to twice as long).
# For --cross (amd64 machines, with arm64): prewarm/rust-base:bookworm-cross is the amd64 image plus arm64's
# cross linker and Rust standard library (PREWARM_CROSS_PACKAGES in tests/packages.sh), published as
#     127.0.0.1:5000/prewarm/rust-base:bookworm-cross  a manifest list: that amd64 image, and the arm64 image above,
# so a Dockerfile's `FROM --platform=$BUILDPLATFORM` stage gets the toolchain and its arm64 stage the plain image.
# Idempotent: does nothing when the manifest lists already list both platforms and the local images exist.
# PREWARM_BASE_PLATFORMS="amd64" builds and publishes the amd64 image alone (machines without binfmt_misc).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
log() { printf '[base-image] %s\n' "$*" >&2; }

docker=${PREWARM_DOCKER_CLI:-/usr/bin/docker}   # docker.io's CLI: integrated BuildKit works without buildx
image=${PREWARM_BASE_IMAGE:-prewarm/rust-base:bookworm}
repository=${image%:*}
tag=${image##*:}
minbase=${PREWARM_MINBASE_IMAGE:-local/bookworm:minbase}
read -r -a architectures <<<"${PREWARM_BASE_PLATFORMS:-amd64 arm64}"
architectures=("${architectures[@]#linux/}")
# The same image in the local registry (tests/registry.sh): what a fresh engine, a CI runner with
# nothing but the registry, builds FROM.
registry=${PREWARM_REGISTRY:-127.0.0.1:5000}
published=$registry/$image
manifests="application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json"
export DOCKER_CLI_EXPERIMENTAL=enabled   # docker manifest, 20.10 CLI

if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi

host=$(dpkg --print-architecture)
# The local name of each platform's image: the machine's own keeps the name existing tests use.
local_image() { if [ "$1" = "$host" ]; then echo "$image"; else echo "$image-$1"; fi; }
local_minbase() { if [ "$1" = "$host" ]; then echo "$minbase"; else echo "$minbase-$1"; fi; }
exists() { "$docker" image inspect "$1" >/dev/null 2>&1; }

# What the registry holds under a tag: its manifest (list), empty when there is none.
registry_manifest() {
  curl -fsS -H "Accept: $manifests" "http://$registry/v2/$repository/manifests/$1" 2>/dev/null || true
}

# True when the tag in the registry is a manifest list naming every wanted architecture (linux).
published_complete() {
  local manifest architecture
  manifest=$(registry_manifest "$tag" | tr -d ' \n\t')
  case "$manifest" in *'"manifests":['*) ;; *) return 1 ;; esac
  for architecture in "${architectures[@]}"; do
    case "$manifest" in *"\"architecture\":\"$architecture\""*) ;; *) return 1 ;; esac
  done
}

# The Debian mirror this machine uses (deb822 or one-line sources), deb.debian.org by default.
mirror=$(grep -hsoE 'https?://[^ ]+/debian/?( |$)' /etc/apt/sources.list.d/* /etc/apt/sources.list | head -1 | tr -d ' ' || true)
mirror=${mirror:-http://deb.debian.org/debian}

work=$(mktemp -d)
trap '$sudo rm -rf "$work"' EXIT

# A minbase root file system as an image of that architecture.
build_minbase() {
  local architecture=$1 name rootfs started
  name=$(local_minbase "$architecture")
  exists "$name" && return 0
  rootfs=$work/rootfs-$architecture
  started=$SECONDS
  log "debootstrap bookworm (minbase, $architecture) from $mirror"
  $sudo debootstrap --variant=minbase --arch="$architecture" bookworm "$rootfs" "$mirror" >"$work/debootstrap-$architecture.log" 2>&1 \
    || { tail -20 "$work/debootstrap-$architecture.log" >&2; exit 1; }
  if [ "$architecture" = "$host" ]; then
    log "docker import as $name"
    $sudo tar -C "$rootfs" -c . | "$docker" import - "$name" >/dev/null
  else
    # FROM scratch + ADD: the image config gets the build's platform (docker import would say amd64).
    log "docker build --platform linux/$architecture FROM scratch as $name"
    mkdir -p "$work/minbase-$architecture"
    $sudo tar -C "$rootfs" -c . >"$work/minbase-$architecture/rootfs.tar"
    printf 'FROM scratch\nADD rootfs.tar /\nCMD ["bash"]\n' >"$work/minbase-$architecture/Dockerfile"
    DOCKER_BUILDKIT=1 "$docker" build --progress=plain --platform "linux/$architecture" -t "$name" "$work/minbase-$architecture" \
      >"$work/minbase-$architecture.log" 2>&1 || { tail -30 "$work/minbase-$architecture.log" >&2; exit 1; }
    rm -f "$work/minbase-$architecture/rootfs.tar"
  fi
  $sudo rm -rf "$rootfs"
  log "$name ready ($((SECONDS - started)) s)"
}

# shellcheck source=tests/packages.sh
. "$here/../packages.sh"
crates=()
for package in "${PREWARM_APT_PACKAGES[@]}"; do
  case "$package" in librust-*) crates+=("$package") ;; esac
done

packages=(rustc cargo gcc libc6-dev ca-certificates sccache "${crates[@]}")

# rustc, cargo, gcc, sccache and the crate packages on that minbase.
build_image() {
  local architecture=$1 name started
  name=$(local_image "$architecture")
  exists "$name" && { log "$name exists"; return 0; }
  # A fresh engine beside a registry that has the image: pull it rather than build it again.
  if [ -n "$(registry_manifest "$tag-$architecture")" ] \
      && "$docker" pull --platform "linux/$architecture" "$published-$architecture" >/dev/null 2>&1; then
    "$docker" tag "$published-$architecture" "$name"
    log "$name pulled from $published-$architecture"
    return 0
  fi
  started=$SECONDS
  build_minbase "$architecture"
  if [ "$architecture" = "$host" ]; then
    install_native "$architecture" "$name"
  else
    install_foreign "$architecture" "$name"
  fi
  log "$name ready ($((SECONDS - started)) s)"
}

# The machine's own architecture: apt-get in a Dockerfile RUN step.
install_native() {
  local architecture=$1 name=$2
  mkdir -p "$work/context-$architecture"
  cat >"$work/context-$architecture/Dockerfile" <<DOCKERFILE
FROM $(local_minbase "$architecture")
RUN apt-get update \\
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \\
      ${packages[*]} \\
 && rm -rf /var/lib/apt/lists/*
ENV PATH=/usr/local/cargo/bin:\$PATH
DOCKERFILE
  log "building $name (linux/$architecture)"
  DOCKER_BUILDKIT=1 "$docker" build --progress=plain -t "$name" "$work/context-$architecture" \
    >"$work/build-$architecture.log" 2>&1 || { tail -30 "$work/build-$architecture.log" >&2; exit 1; }
}

# A foreign architecture: apt-get under emulation (qemu-user-static) spends minutes in dpkg unpacking
# (decompressing) some 400 packages, so only what must run foreign code runs emulated:
#  1. apt-get resolves and downloads the packages in a minbase container of that platform;
#  2. this machine's own dpkg unpacks them into a copy of that minbase's root file system
#     (--root: maintainer scripts still run chrooted there, under emulation);
#  3. the platform's dpkg configures them (chroot, emulated), as apt-get would have;
#  4. the root file system becomes the image, FROM scratch with --platform.
# Measured on 2 cores shared with other builds (load 12-20): download 83-94 s, unpack 76-103 s,
# configure 110-212 s, making the image 80-120 s; apt-get install under emulation took 578-832 s for
# the same packages (1.4-2 times as long in all). debootstrap's emulated second stage adds 213-266 s.
install_foreign() {
  local architecture=$1 name=$2 minbase_image rootfs container step
  minbase_image=$(local_minbase "$architecture")
  rootfs=$work/rootfs-$architecture
  mkdir -p "$work/debs-$architecture" "$rootfs" "$work/context-$architecture"
  step=$SECONDS
  log "downloading ${#packages[@]} packages and their dependencies for linux/$architecture"
  "$docker" run --rm --platform "linux/$architecture" -v "$work/debs-$architecture:/var/cache/apt/archives" "$minbase_image" \
    sh -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --download-only --no-install-recommends ${packages[*]}" \
    >"$work/download-$architecture.log" 2>&1 || { tail -30 "$work/download-$architecture.log" >&2; exit 1; }
  log "downloaded $(ls "$work/debs-$architecture"/*.deb | wc -l) packages ($((SECONDS - step)) s)"

  container=$("$docker" create --platform "linux/$architecture" "$minbase_image" true)
  "$docker" export "$container" | $sudo tar -C "$rootfs" -x
  "$docker" rm "$container" >/dev/null
  step=$SECONDS
  $sudo dpkg --root="$rootfs" --force-architecture --force-unsafe-io --unpack "$work/debs-$architecture"/*.deb \
    >"$work/unpack-$architecture.log" 2>&1 || { grep -v 'does not match system' "$work/unpack-$architecture.log" | tail -30 >&2; exit 1; }
  log "unpacked natively ($((SECONDS - step)) s)"
  step=$SECONDS
  $sudo chroot "$rootfs" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 \
    dpkg --configure -a >"$work/configure-$architecture.log" 2>&1 || { tail -30 "$work/configure-$architecture.log" >&2; exit 1; }
  local audit
  audit=$($sudo chroot "$rootfs" dpkg --audit 2>&1 || true)
  [ -z "$audit" ] || { log "dpkg --audit in the linux/$architecture root file system:"; printf '%s\n' "$audit" >&2; exit 1; }
  log "configured under emulation ($((SECONDS - step)) s)"
  $sudo rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/cache/apt/archives/*.deb

  $sudo tar -C "$rootfs" -c . >"$work/context-$architecture/rootfs.tar"
  $sudo rm -rf "$rootfs" "$work/debs-$architecture"
  cat >"$work/context-$architecture/Dockerfile" <<DOCKERFILE
FROM scratch
ADD rootfs.tar /
ENV PATH=/usr/local/cargo/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
CMD ["bash"]
DOCKERFILE
  DOCKER_BUILDKIT=1 "$docker" build --progress=plain --platform "linux/$architecture" -t "$name" "$work/context-$architecture" \
    >"$work/build-$architecture.log" 2>&1 || { tail -30 "$work/build-$architecture.log" >&2; exit 1; }
  rm -f "$work/context-$architecture/rootfs.tar"
}

# Each platform's image under its own tag in the registry, then the manifest list naming them all.
publish() {
  local architecture references=()
  for architecture in "${architectures[@]}"; do
    if [ -z "$(registry_manifest "$tag-$architecture")" ]; then
      "$docker" tag "$(local_image "$architecture")" "$published-$architecture"
      "$docker" push "$published-$architecture" >/dev/null
      log "$published-$architecture pushed"
    fi
    references+=("$published-$architecture")
  done
  "$docker" manifest rm "$published" >/dev/null 2>&1 || true   # a list left by an interrupted run
  "$docker" manifest create --insecure "$published" "${references[@]}" >/dev/null
  "$docker" manifest push --insecure --purge "$published" >/dev/null
  published_complete || { log "$published does not list ${architectures[*]} after the push"; exit 1; }
  log "$published pushed: a manifest list of ${architectures[*]/#/linux/}"
}

# The amd64 image with arm64's cross toolchain, and the list joining it with the arm64 image.
cross() {
  [ "$host" = amd64 ] && [[ " ${architectures[*]} " == *" arm64 "* ]] || return 0
  local name=$image-cross cross_tag=$tag-cross manifest
  manifest=$(registry_manifest "$cross_tag" | tr -d ' \n\t')
  case "$manifest" in *'"manifests":['*'"architecture":"amd64"'*'"architecture":"arm64"'*|*'"manifests":['*'"architecture":"arm64"'*'"architecture":"amd64"'*)
    exists "$name" || { "$docker" pull --platform linux/amd64 "$registry/$name-amd64" >/dev/null && "$docker" tag "$registry/$name-amd64" "$name"; }
    log "$registry/$repository:$cross_tag lists linux/amd64 linux/arm64"
    return 0 ;;
  esac
  if ! exists "$name"; then
    local started=$SECONDS
    mkdir -p "$work/context-cross"
    cat >"$work/context-cross/Dockerfile" <<DOCKERFILE
FROM $image
RUN dpkg --add-architecture arm64 && apt-get update \\
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${PREWARM_CROSS_PACKAGES[*]} \\
 && rm -rf /var/lib/apt/lists/*
DOCKERFILE
    log "building $name (linux/amd64 with arm64's cross toolchain)"
    DOCKER_BUILDKIT=1 "$docker" build --progress=plain -t "$name" "$work/context-cross" \
      >"$work/build-cross.log" 2>&1 || { tail -30 "$work/build-cross.log" >&2; exit 1; }
    log "$name ready ($((SECONDS - started)) s)"
  fi
  "$docker" tag "$name" "$registry/$name-amd64"
  "$docker" push "$registry/$name-amd64" >/dev/null
  "$docker" manifest rm "$registry/$repository:$cross_tag" >/dev/null 2>&1 || true
  "$docker" manifest create --insecure "$registry/$repository:$cross_tag" "$registry/$name-amd64" "$published-arm64" >/dev/null
  "$docker" manifest push --insecure --purge "$registry/$repository:$cross_tag" >/dev/null
  log "$registry/$repository:$cross_tag pushed: a manifest list of linux/amd64 (with the cross toolchain) linux/arm64"
}

if published_complete; then
  log "$published lists ${architectures[*]/#/linux/}"
  build_image "$host"   # the local image existing tests use by name
  cross
  exit 0
fi

for architecture in "${architectures[@]}"; do
  if [ "$architecture" != "$host" ]; then
    case "$architecture" in arm64) handler=qemu-aarch64 ;; amd64) handler=qemu-x86_64 ;; *) handler=qemu-$architecture ;; esac
    [ -e "/proc/sys/fs/binfmt_misc/$handler" ] || {
      log "no binfmt_misc handler $handler: linux/$architecture cannot run here; tests/setup.sh registers it (qemu-user-static, binfmt-support); PREWARM_BASE_PLATFORMS=amd64 builds amd64 alone"
      exit 1
    }
  fi
  build_image "$architecture"
done
publish
cross
