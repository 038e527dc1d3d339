#!/usr/bin/env bash
# Times `ldf bands FILE --format json` (read CSV + MODA wavelet transform + band summaries) on
# synthetic 40 Hz recordings of 30 min and 24 h, with /usr/bin/time -v for wall time and peak
# memory. Goals (2 cores, release build): 30 min under 0.3 s; 24 h under 3 s and 500 MiB.
#
# Usage: benchmarks/spectral.sh [repeats, default 3]
#
# Measured 2026-11-21 (release, 2 cores shared with four other engineers' builds):
#   30 min: 0.07 s wall in a quiet moment (0.17-0.34 s at load 10-17), 0.07-0.08 s CPU, 34 MiB peak
#   24 h:   1.6-1.7 s wall in a quiet moment (2.7-6.5 s at load 10-17), 1.7-1.8 s CPU, 292-311 MiB
# (PyMODAlib: about 2 s for 30 min and 136 s / 7.7 GiB for 24 h.) Wall time on a shared machine
# follows the load; CPU time is the stable figure.
# The CSVs (about 1.5 MB and 70 MB, generated once) go to /tmp/ldf-bench-spectral, or to
# $LDF_BENCH_DATA; the build uses .build, or $LDF_BENCH_SCRATCH.
set -euo pipefail
cd "$(dirname "$0")/.."
repeats="${1:-3}"
data="${LDF_BENCH_DATA:-/tmp/ldf-bench-spectral}"
scratch="${LDF_BENCH_SCRATCH:-.build}"
mkdir -p "$data"

if [ ! -x /usr/bin/time ]; then
    apt-get install -y time >/dev/null
fi

benchmarks/make-bands-inputs.py "$data"

swift build -c release --scratch-path "$scratch" --product ldf >/dev/null
binary="$scratch/release/ldf"

for name in 30min-40Hz 24h-40Hz; do
    file="$data/$name.csv"
    for run in $(seq "$repeats"); do
        /usr/bin/time -v "$binary" bands "$file" --format json >/dev/null 2>"$data/time.log" || {
            cat "$data/time.log"; exit 1; }
        wall=$(grep "Elapsed (wall clock)" "$data/time.log" | awk '{print $NF}')
        peak=$(grep "Maximum resident set size" "$data/time.log" | awk '{print $NF}')
        echo "$name run $run: wall $wall, peak $((peak / 1024)) MiB"
    done
done
