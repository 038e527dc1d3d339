#!/usr/bin/env bash
# `ldf stream` (defaults: 600 s window, 60 s hop, the `ldf bands` defaults per window) on 2 h at
# 40 Hz against the decimated-FFT limit for the same number of 600 s windows in one process
# (benchmarks/limit/decimated_fft_limit.c with REPEATS = windows: its plans made once, as the
# stream's are), run in turn by benchmarks/ab.sh. Issue 18's target: the stream at most 2x the
# limit for one window times the number of windows. The CPU ratio compares the work; the wall
# ratio compares the stream on all cores with the single-threaded limit.
#
# Usage: benchmarks/stream-limit.sh [runs, default 5]
# Environment: BENCH_DIR (default /tmp/ldf-bench) holds the 24 h CSV of benchmarks/stream.sh and
#              the 2 h excerpt made from it.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
BENCH_DIR=${BENCH_DIR:-/tmp/ldf-bench}
day="$BENCH_DIR/day-40hz-v2.csv"
csv="$BENCH_DIR/day-2h.csv"
if [ ! -s "$day" ]; then
  echo "generating the 24-hour CSV with benchmarks/read-large-csv.sh first" >&2
  RUNS=0 BENCH_DIR="$BENCH_DIR" benchmarks/read-large-csv.sh >/dev/null
fi
[ -s "$csv" ] || head -n 288001 "$day" > "$csv" # the header and 2 h at 40 Hz
[ -x /usr/bin/time ] || apt-get install -y time >/dev/null
cc -O2 -o "$BENCH_DIR/decimated_fft_limit" benchmarks/limit/decimated_fft_limit.c -lfftw3 -lm
swift build -c release --product ldf >/dev/null 2>&1 || { echo "error: the release build failed; run swift build -c release to see why" >&2; exit 1; }
windows=$(.build/release/ldf stream < "$csv" 2>/dev/null | grep -c '"type":"window"' || true)
if [ "$windows" -eq 0 ]; then
  echo "error: ldf stream gave no window for $csv; run '.build/release/ldf stream < $csv' to see why" >&2
  exit 1
fi
limit="$BENCH_DIR/decimated_fft_limit 24000 40 0.005 2 31 $windows"
echo "== 2 h at 40 Hz, $windows windows of 600 s: A = ldf stream ($(nproc) cores), B = the limit ($($limit))"
benchmarks/ab.sh "$runs" ".build/release/ldf stream < $csv" "$limit"
