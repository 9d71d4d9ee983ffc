#!/usr/bin/env bash
# Times `clinic-explorer search QUERY --limit 50` against `fzf --filter QUERY` over the same record names,
# on a synthetic dataset of N records. Both are timed end to end, as a person at a shell would run them:
# clinic-explorer starts, loads and validates the RON files, builds its index and searches names, aliases,
# ids and secondary fields; fzf reads the list of names from a file and filters it.
#
# usage: benches/fzf_compare.sh [N] [QUERY...]
#   N        records to generate (default 100000)
#   QUERY    queries to time (default: "stem cell" "gangnam" "lichen planopilaris" "zq")
# environment: RUNS (timed runs per command, default 10), KEEP=1 keeps the generated data and prints where.
#
# Installs fzf (and jq, and hyperfine where the package exists) with apt-get if missing. Prints a
# Markdown table: median (and min/max) per command, and the ratio clinic-explorer / fzf.
set -euo pipefail

N=${1:-100000}
shift || true
if [ "$#" -gt 0 ]; then
    QUERIES=("$@")
else
    QUERIES=("stem cell" "gangnam" "lichen planopilaris" "zq")
fi
RUNS=${RUNS:-10}

cd "$(dirname "$0")/.."

# Installs a Debian package when its command is missing (as root, or through sudo).
APT_UPDATED=
ensure() {
    local cmd=$1 pkg=${2:-$1}
    command -v "$cmd" >/dev/null 2>&1 && return 0
    local sudo=
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "fzf_compare: $cmd is missing and apt-get is not available; install $pkg" >&2
        return 1
    fi
    if [ -z "$APT_UPDATED" ]; then
        $sudo apt-get update -qq >/dev/null || true
        APT_UPDATED=1
    fi
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$pkg" >/dev/null
}

ensure fzf
ensure jq
ensure hyperfine || echo "fzf_compare: hyperfine not available; timing with a shell loop" >&2

echo "building (release)..." >&2
cargo build --release --quiet --bin clinic-explorer --example synth
BIN=target/release/clinic-explorer
SYNTH=target/release/examples/synth

WORK=$(mktemp -d)
if [ "${KEEP:-}" = 1 ]; then
    echo "fzf_compare: keeping $WORK" >&2
else
    trap 'rm -rf "$WORK"' EXIT
fi
DATA=$WORK/data
"$SYNTH" --records "$N" --out "$DATA" >&2

NAMES=$WORK/names.txt
for kind in condition therapy clinic cost travel; do
    "$BIN" list "$kind" --format json --data "$DATA" | jq -r '.[].name'
done >"$NAMES"
echo "$(wc -l <"$NAMES") names, $(du -h "$NAMES" | cut -f1) (fzf's input)" >&2

# Prints "median min max" in milliseconds for a shell command.
time_cmd() {
    local cmd=$1
    if command -v hyperfine >/dev/null 2>&1; then
        local json=$WORK/hyperfine.json
        hyperfine --style none --ignore-failure --warmup 1 --runs "$RUNS" --export-json "$json" "$cmd" >/dev/null 2>&1
        jq -r '.results[0] | "\(.median * 1000) \(.min * 1000) \(.max * 1000)"' "$json"
    else
        bash -c "$cmd" || true # warm-up; fzf exits 1 when nothing matches
        local t=()
        for _ in $(seq "$RUNS"); do
            local s e
            s=$(date +%s%N)
            bash -c "$cmd" || true
            e=$(date +%s%N)
            t+=($(((e - s) / 1000)))
        done
        printf '%s\n' "${t[@]}" | sort -n | awk '{ a[NR] = $1 } END {
            m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
            printf "%f %f %f\n", m / 1000, a[1] / 1000, a[NR] / 1000 }'
    fi
}

# Quotes a string for the shell command lines hyperfine runs.
q() { printf '%q' "$1"; }

echo
echo "$N records; $RUNS runs per command; times in ms (median, and min-max)"
echo
echo "| query | clinic-explorer search | fzf --filter | ratio | clinic-explorer hits | fzf matches |"
echo "|---|---:|---:|---:|---:|---:|"
for query in "${QUERIES[@]}"; do
    ce="$BIN search $(q "$query") --limit 50 --data $(q "$DATA") >/dev/null"
    fz="fzf --filter $(q "$query") <$(q "$NAMES") >/dev/null"
    read -r ce_med ce_min ce_max < <(time_cmd "$ce")
    read -r fz_med fz_min fz_max < <(time_cmd "$fz")
    ce_hits=$("$BIN" search "$query" --limit 50 --format json --data "$DATA" | jq length)
    fz_hits=$(fzf --filter "$query" <"$NAMES" | wc -l || true)
    awk -v q="$query" -v a="$ce_med" -v a1="$ce_min" -v a2="$ce_max" \
        -v b="$fz_med" -v b1="$fz_min" -v b2="$fz_max" -v h="$ce_hits" -v m="$fz_hits" 'BEGIN {
        printf "| `%s` | %.0f (%.0f-%.0f) | %.1f (%.1f-%.1f) | %.0fx | %d | %d |\n", q, a, a1, a2, b, b1, b2, a / b, h, m }'
done
