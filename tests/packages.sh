# Debian packages Prewarm's tests and bundled example need; sourced by tests/setup.sh.
# The librust-*-dev packages are the offline crate registry (see tests/examples/shop/.cargo/config.toml);
# qemu-user-static and binfmt-support run linux/arm64 binaries (the arm64 base image, --platform=linux/arm64).
PREWARM_APT_PACKAGES=(
  docker.io docker-registry curl iproute2 sccache debootstrap
  qemu-user-static binfmt-support
  librust-tokio-dev librust-serde-dev librust-serde-derive-dev librust-serde-json-dev
  librust-anyhow-dev librust-thiserror-dev librust-clap-dev librust-regex-dev
  librust-hyper-dev librust-tower-dev librust-tracing-dev librust-tracing-subscriber-dev
  librust-futures-dev librust-chrono-dev librust-uuid-dev librust-rand-dev librust-rayon-dev
  librust-itertools-dev librust-log-dev librust-rusqlite-dev librust-tokio-postgres-dev
  librust-r2d2-dev librust-bytes-dev librust-http-dev librust-once-cell-dev
)

# Not for this machine: what tests/base-image/build.sh adds to the amd64 base image for --cross
# (prewarm/rust-base:bookworm-cross): arm64's linker and C library, and arm64's Rust standard library
# from Debian's multiarch (the same rustc version, 1.63, as the image's own rustc).
PREWARM_CROSS_PACKAGES=(gcc-aarch64-linux-gnu libc6-dev-arm64-cross libstd-rust-dev:arm64)
