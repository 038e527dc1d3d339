#!/usr/bin/env bash
# The cost of `ldf porh --trace`: `ldf porh` with the annotated trace (A) against the same run
# without it (B), on a simulated 1000 Hz forearm recording of 3 occlusions (2.2 million samples;
# the trace is about 150 MB), run in turn and compared as the median of the pair-by-pair CPU
# ratios (benchmarks/ab.sh). Issue 18 target: at most 1.5. Release build.
#
# Measured 2026-12-04 (2 shared cores under load, 5 pairs): 0.62 s vs 0.31 s CPU, ratio 2.0 (3.2
# before), peak memory 110 MiB with the trace and 108 MiB without (175 MiB before). Of the 0.31 s
# added, about 0.1 s is system time writing the 194 MB (the source path is in every row) and most
# of the rest the number text (three shortest decimals a row, about 30 ns each; perf profile).
#
# Usage: benchmarks/porh-trace.sh [runs, default 5]
# The recording and the trace go to /tmp/ldf-bench-porh or $LDF_BENCH_DATA.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
data="${LDF_BENCH_DATA:-/tmp/ldf-bench-porh}"
mkdir -p "$data"
swift build -c release --product ldf >/dev/null
ldf=.build/release/ldf
file="$data/forearm-1000hz.csv"
[ -f "$file" ] || "$ldf" simulate porh --site forearm --rate 1000 --occlusions 3 --occlusion-seconds 300 \
    --rest-seconds 120 --recovery-seconds 300 --seed 7 -o "$file" >/dev/null
porh="$ldf porh --site forearm --timing flux --format json $file"
echo "A: ldf porh --trace; B: ldf porh"
benchmarks/ab.sh "$runs" "$porh --trace $data/trace.csv" "$porh"
