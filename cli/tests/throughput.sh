#!/usr/bin/env bash
# Throughput of the release binary on a folder of 1,000 invented articles
# (3-5 KB each, written by make_corpus.py into a temporary folder): the
# median MB/s of RUNS runs with one worker thread and with THREADS, from the
# tool's own summary line, and the speed-up.
#
#     cli/tests/throughput.sh [RUNS] [THREADS]     (defaults: 3, 2)
set -euo pipefail
cd "$(dirname "$0")/../.."

runs=${1:-3}
threads=${2:-2}
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT

python3 cli/tests/make_corpus.py "$corpus" 1000 >&2
cargo build --release -p byline-cli >&2
bin=target/release/byline
"$bin" --quiet "$corpus" >/dev/null # warm the page cache

median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
measure() {
    local n=$1 rates=()
    for _ in $(seq "$runs"); do
        line=$("$bin" --threads "$n" "$corpus" 2>&1 >/dev/null | tail -n 1)
        echo "threads=$n: $line" >&2
        rates+=("$(awk '{ print $(NF - 1) }' <<<"$line")")
    done
    printf '%s\n' "${rates[@]}" | median
}
one=$(measure 1)
many=$(measure "$threads")
echo "median MB/s: 1 thread $one, $threads threads $many, speed-up $(awk -v a="$one" -v b="$many" 'BEGIN { printf "%.2f", b / a }')x"
