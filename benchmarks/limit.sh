#!/usr/bin/env bash
# `ldf bands FILE --format json` (defaults: Morlet f0 = 1, 31 voices, 0.005-2 Hz, predictive
# padding, MODA's cone) against the decimated-FFT limit (benchmarks/limit/decimated_fft_limit.c:
# the same padded r2c FFT and per-frequency short inverse FFTs at the shortest row lengths, FFTW
# only, one thread, FFTW_ESTIMATE), run in turn by benchmarks/ab.sh on 30 min and 24 h at 40 Hz.
# Prints the median pair ratios ldf/limit (CPU and wall; issue 18's targets: CPU at most 2.5x at
# 30 min and 1.5x at 24 h).
#
# GNU time counts CPU in 10 ms steps, so each timed run of the 30-minute case makes 10 calls of
# each command (the ratio is unchanged, the resolution 10x finer).
#
# Usage: benchmarks/limit.sh [runs, default 5] [durations, default "30min 24h"]
# The CSVs (benchmarks/make-bands-inputs.py) and the C program go to /tmp/ldf-bench-spectral or
# $LDF_BENCH_DATA.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
durations="${2:-30min 24h}"
data="${LDF_BENCH_DATA:-/tmp/ldf-bench-spectral}"
mkdir -p "$data"
[ -x /usr/bin/time ] || apt-get install -y time >/dev/null

benchmarks/make-bands-inputs.py "$data"
cc -O2 -o "$data/decimated_fft_limit" benchmarks/limit/decimated_fft_limit.c -lfftw3 -lm
swift build -c release --product ldf >/dev/null

for duration in $durations; do
    case "$duration" in
        30min) samples=72000 calls=10 ;;
        24h) samples=3456000 calls=1 ;;
        *) echo "error: unknown duration '$duration'; use 30min or 24h" >&2; exit 64 ;;
    esac
    file="$data/$duration-40Hz.csv"
    limit="$data/decimated_fft_limit $samples 40"
    echo "== $duration at 40 Hz, $calls call(s) per timed run: A = ldf bands, B = the limit ($($limit))"
    repeat="for call in \$(seq $calls); do"
    benchmarks/ab.sh "$runs" "$repeat .build/release/ldf bands $file --format json; done" "$repeat $limit; done"
done
