#!/usr/bin/env bash
# `ldf info` on a synthetic 24 h recording at 40 Hz (3,456,000 samples, about 70 MB of CSV):
# this tree's release build (A) against the release build of a baseline revision (B), run in
# turn and compared as the median of the pair-by-pair CPU ratios (benchmarks/ab.sh). Issue 18:
# the median by selection (O(n)) instead of a full sort.
#
# Usage: benchmarks/info.sh [BASE_REV, default HEAD~1] [runs, default 5]
# The CSV (made once) and the baseline build go to /tmp/ldf-bench-info or $LDF_BENCH_DATA.
set -euo pipefail
cd "$(dirname "$0")/.."
base_rev="${1:-HEAD~1}"
runs="${2:-5}"
data="${LDF_BENCH_DATA:-/tmp/ldf-bench-info}"
mkdir -p "$data"
file="$data/24h-40Hz.csv"

[ -f "$file" ] || python3 benchmarks/tones.py "$file"

swift build -c release --product ldf >/dev/null
base="$data/base-$(git rev-parse --short "$base_rev")"
if [ ! -x "$base/.build/release/ldf" ]; then
    rm -rf "$base" && mkdir -p "$base"
    git archive "$base_rev" | tar -x -C "$base"
    (cd "$base" && swift build -c release --product ldf >/dev/null)
fi
echo "A: this tree; B: $base_rev"
benchmarks/ab.sh "$runs" ".build/release/ldf info $file" "$base/.build/release/ldf info $file"
