#!/usr/bin/env bash
# Times `clinic-explorer search stem --data DIR` as a whole process on synthetic datasets, cold (the data
# cache off: parse, validate and index every run) and warm (the cache filled by an earlier run), with
# hyperfine. The cache lives in a temporary XDG_CACHE_HOME, so the person's own cache is untouched.
#
# usage: benches/cache_search.sh [N...]     (default: 10000 100000)
# environment: RUNS (timed runs per command, default 10)
#
# Needs hyperfine (Debian package `hyperfine`). Prints one Markdown table row per dataset and mode.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-10}
SIZES=("$@")
[ "${#SIZES[@]}" -gt 0 ] || SIZES=(10000 100000)
command -v hyperfine >/dev/null || { echo "cache_search: install hyperfine" >&2; exit 1; }

cargo build --release --quiet --bin clinic-explorer --example synth
BIN=target/release/clinic-explorer
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export XDG_CACHE_HOME="$WORK/cache" XDG_CONFIG_HOME="$WORK/config" XDG_STATE_HOME="$WORK/state"

echo "| records | mode | median ms | min–max ms |"
echo "|---:|---|---:|---|"
for n in "${SIZES[@]}"; do
    data="$WORK/data-$n"
    target/release/examples/synth --records "$n" --out "$data" >/dev/null
    for mode in cold warm; do
        extra=()
        [ "$mode" = cold ] && extra=(--no-cache)
        # One run first: a warm run finds the cache filled, a cold one the files in the page cache.
        "$BIN" search stem --data "$data" "${extra[@]}" >/dev/null
        hyperfine --style none --warmup 1 --runs "$RUNS" --export-json "$WORK/r.json" \
            "$BIN search stem --data $data ${extra[*]}" >/dev/null
        python3 - "$WORK/r.json" "$n" "$mode" <<'EOF'
import json, statistics, sys
r = json.load(open(sys.argv[1]))["results"][0]
t = [x * 1e3 for x in r["times"]]
print(f"| {int(sys.argv[2]):,} | {sys.argv[3]} | {statistics.median(t):.1f} | {min(t):.1f}–{max(t):.1f} |")
EOF
    done
done
