#!/usr/bin/env bash
# Byte identity beyond a first run (complements scale-identity.sh): OLD and NEW host (default
# build/bin/Release/net10.0) each write artifacts for a generated COUNT-package workspace, run again
# into them (nothing under recipes/ or warmup/ may be touched), then run after one manifest is edited
# (same artifacts, same logs, and the same files get a new modification time).
#   tests/bench/scale-rerun-identity.sh OLD_HOST_DIR [NEW_HOST_DIR] [COUNT]
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
old=${1:?usage: scale-rerun-identity.sh OLD_HOST_DIR [NEW_HOST_DIR] [COUNT]}
new=${2:-$root/build/bin/Release/net10.0}
count=${3:-1500}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$root/tests/bench/large-workspace.sh" "$work/ws" "$count" >/dev/null
check() {
run() { dotnet "$1/Build.dll" --target=Recipe --repo="$work/ws" --artifacts="$2" --verbosity=normal 2>&1 | sed -E -e 's/[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]+/DURATION/g' -e "s#$2#ARTIFACTS#g"; echo "exit ${PIPESTATUS[0]}"; }
# mtimes to 100 ns: .NET keeps an unchanged file's time as a DateTime (100 ns ticks), old host and new alike.
snap() { (cd "$1" && find recipes warmup -type f -printf '%p %s %T@\n' | awk '{ split($3, t, "."); printf "%s %s %s.%s\n", $1, $2, t[1], substr(t[2], 1, 7) }' | sort); }
for h in old new; do host=$old; [ $h = new ] && host=$new; run "$host" "$work/$h" > "$work/$h.1.log"; done
for h in old new; do snap "$work/$h" > "$work/$h.1.snap"; done
sleep 1.1
for h in old new; do host=$old; [ $h = new ] && host=$new; run "$host" "$work/$h" > "$work/$h.2.log"; done
for h in old new; do snap "$work/$h" > "$work/$h.2.snap"; done
echo "rerun: old tree untouched: $(cmp -s "$work/old.1.snap" "$work/old.2.snap" && echo yes || echo NO); new tree untouched: $(cmp -s "$work/new.1.snap" "$work/new.2.snap" && echo yes || echo NO)"
diff -r "$work/old" "$work/new" > /dev/null && echo "rerun: same artifacts" || echo "rerun: DIFFERENT artifacts"
diff "$work/old.2.log" "$work/new.2.log" > /dev/null && echo "rerun: same log" || echo "rerun: DIFFERENT log"
m=$(ls -d "$work"/ws/crates/*/* | awk -v n="$count" 'NR == int((n + 1) / 2)')/Cargo.toml
[ -f "$m" ] || { echo "DIFFERENT: no manifest to edit ($m)"; return; }
if grep -q '^\[features\]$' "$m"; then sed -i 's/^\[features\]$/[features]\nextra-edit = []/' "$m"; else printf '\n[features]\nextra-edit = []\n' >> "$m"; fi
sleep 1.1
for h in old new; do host=$old; [ $h = new ] && host=$new; run "$host" "$work/$h" > "$work/$h.3.log"; done
diff -r "$work/old" "$work/new" > /dev/null && echo "edit: same artifacts" || { echo "edit: DIFFERENT artifacts"; diff -r "$work/old" "$work/new" | head; }
diff "$work/old.3.log" "$work/new.3.log" > /dev/null && echo "edit: same log" || { echo "edit: DIFFERENT log"; diff "$work/old.3.log" "$work/new.3.log" | head; }
# Which files got a new mtime: the same set for both hosts (unchanged files keep theirs).
for h in old new; do snap "$work/$h" > "$work/$h.3.snap"; join <(sort "$work/$h.2.snap") <(sort "$work/$h.3.snap") | awk '$3 != $5 {print $1}' | sort > "$work/$h.touched"; done
echo "edit: files with a new mtime: old $(wc -l < "$work/old.touched"), new $(wc -l < "$work/new.touched"), same set: $(cmp -s "$work/old.touched" "$work/new.touched" && echo yes || echo NO)"
}
result=$(check)
echo "$result"
! grep -qE "NO|DIFFERENT" <<<"$result"
