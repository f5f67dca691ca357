#!/usr/bin/env bash
# A second, empty Docker engine on this machine: what an ephemeral CI runner has — no images, no
# build cache, no cache mounts — with the same local registry in reach (127.0.0.1:5000 is the
# host's loopback; the daemon pulls and pushes itself).
#   tests/fresh-engine.sh start DIR   starts dockerd with its state in DIR, prints its DOCKER_HOST
#   tests/fresh-engine.sh stop DIR    stops it and removes DIR
# It gets a bridge of its own: a second dockerd with --bridge=none deletes the first one's docker0.
set -euo pipefail
command=${1:?usage: fresh-engine.sh start|stop DIR}
dir=${2:?usage: fresh-engine.sh start|stop DIR}
log() { printf '[fresh-engine] %s\n' "$*" >&2; }
# Interface names are at most 15 characters; one per state directory.
bridge="pwfe$(printf '%s' "$dir" | md5sum | cut -c1-8)"
exec_root="/run/pwfe-$(printf '%s' "$dir" | md5sum | cut -c1-8)"

case "$command" in
  start)
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    if ! ip link show "$bridge" >/dev/null 2>&1; then
      ip link add "$bridge" type bridge
      # A /24 of its own in 10.213.0.0/16, from the bridge name, so two fresh engines do not collide.
      octet=$(( 0x$(printf '%s' "$bridge" | cut -c5-6) ))
      ip addr add "10.213.$octet.1/24" dev "$bridge"
      ip link set "$bridge" up
    fi
    socket="$dir/docker.sock"
    (setsid dockerd --data-root "$dir/data" --exec-root "$exec_root" --pidfile "$dir/docker.pid" \
       -H "unix://$socket" --bridge="$bridge" --iptables=false --ip-masq=false \
       >"$dir/dockerd.log" 2>&1 &)
    for _ in $(seq 1 60); do
      DOCKER_HOST="unix://$socket" /usr/bin/docker info >/dev/null 2>&1 && { echo "unix://$socket"; exit 0; }
      sleep 0.5
    done
    log "dockerd did not start; see $dir/dockerd.log"
    tail -20 "$dir/dockerd.log" >&2 || true
    exit 1
    ;;
  stop)
    [ -d "$dir" ] || exit 0
    dir=$(cd "$dir" && pwd)
    if [ -f "$dir/docker.pid" ]; then
      pid=$(cat "$dir/docker.pid")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 60); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.5
      done
      kill -9 "$pid" 2>/dev/null || true
    fi
    # Whatever the daemon left mounted under its state (overlay layers, netns) must go before rm.
    { grep -o " $dir/[^ ]*\| $exec_root[^ ]*" /proc/mounts || true; } | sort -r | while read -r mount; do umount -l "$mount" 2>/dev/null || true; done
    rm -rf "$dir" "$exec_root"
    ip link del "$bridge" 2>/dev/null || true
    ;;
  *) log "unknown command $command (start or stop)"; exit 2 ;;
esac
