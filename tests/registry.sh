#!/usr/bin/env bash
# Starts a local image registry (Debian's docker-registry, i.e. distribution 2.8) on 127.0.0.1:5000
# when none answers there: no auth, storage in a directory of its own. dockerd pushes to and pulls
# from a 127.0.0.1 registry over plain HTTP without any daemon setting.
# Idempotent; called by tests/setup.sh. PREWARM_REGISTRY=host:port picks another address.
set -euo pipefail
log() { printf '[registry] %s\n' "$*" >&2; }
address=${PREWARM_REGISTRY:-127.0.0.1:5000}
answers() { curl -fsS -o /dev/null "http://$address/v2/" 2>/dev/null; }

if answers; then
  exit 0
fi
command -v docker-registry >/dev/null || { log "docker-registry not installed (apt-get install docker-registry)"; exit 1; }
root=${PREWARM_REGISTRY_ROOT:-/var/tmp/prewarm-registry}
mkdir -p "$root/data"
cat >"$root/config.yml" <<CONFIG
version: 0.1
log: {level: warn}
storage: {filesystem: {rootdirectory: $root/data}, delete: {enabled: true}}
http: {addr: $address}
CONFIG
log "starting docker-registry on $address (storage $root/data)"
(setsid docker-registry serve "$root/config.yml" >"$root/registry.log" 2>&1 &)
for _ in $(seq 1 30); do
  answers && exit 0
  sleep 0.5
done
log "docker-registry did not answer on $address; see $root/registry.log"
tail -20 "$root/registry.log" >&2 || true
exit 1
