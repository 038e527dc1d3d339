#!/usr/bin/env bash
# Times `ldf export` (read + assemble + write every grid sample with its flag, as CSV) on the
# synthetic 24 h, 40 Hz recording of benchmarks/make-bands-inputs.py (3,456,000 samples, about
# 70 MB of CSV in), with /usr/bin/time -v for wall time, CPU time and peak memory (max RSS);
# then against `ldf info` on the same file (reading and assembling only, B) through
# benchmarks/ab.sh, so the ratio is the cost of writing the export.
#
# Measured 2026-12-03 (release, 2 cores shared, load 10): export 2.2-3.0 s CPU (4.4-6.3 s wall),
# 166 MiB peak, 3,456,001 lines (92 MB) written; 4.2x the CPU of `ldf info` (0.58 s) at the same
# peak memory, so the rows are streamed out and writing them is the cost.
#
# Usage: benchmarks/export.sh [runs, default 3]
# The CSV (made once) goes to /tmp/ldf-bench-spectral, or to $LDF_BENCH_DATA; the build uses
# .build, or $LDF_BENCH_SCRATCH.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
data="${LDF_BENCH_DATA:-/tmp/ldf-bench-spectral}"
scratch="${LDF_BENCH_SCRATCH:-.build}"
mkdir -p "$data"

if [ ! -x /usr/bin/time ]; then
    apt-get install -y time >/dev/null
fi

benchmarks/make-bands-inputs.py "$data"
file="$data/24h-40Hz.csv"

swift build -c release --scratch-path "$scratch" --product ldf >/dev/null
binary="$scratch/release/ldf"

for run in $(seq "$runs"); do
    /usr/bin/time -v "$binary" export "$file" --output "$data/export.csv" 2>"$data/time.log" || {
        cat "$data/time.log"; exit 1; }
    wall=$(grep "Elapsed (wall clock)" "$data/time.log" | awk '{print $NF}')
    cpu=$(grep -E "(User|System) time" "$data/time.log" | awk '{s += $NF} END {printf "%.2f", s}')
    peak=$(grep "Maximum resident set size" "$data/time.log" | awk '{print $NF}')
    echo "export run $run: wall $wall, CPU $cpu s, peak $((peak / 1024)) MiB, $(wc -l < "$data/export.csv") lines written"
done
rm -f "$data/export.csv"

echo "A: ldf export (CSV to /dev/null); B: ldf info (read and assemble only)"
benchmarks/ab.sh "$runs" "$binary export $file" "$binary info $file"
