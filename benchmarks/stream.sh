#!/usr/bin/env bash
# Replays a 24-hour, 40 Hz recording (3,456,000 `time,flux` lines) through the release build of
# `ldf stream` with the default window (600 s) and hop (60 s), and reports wall time, the speed
# relative to real time, and peak memory (/usr/bin/time -v). Goal: under 45 s (2000x real time)
# and under 100 MiB.
#
# Usage: benchmarks/stream.sh                 (from the repository root)
# Environment: BENCH_DIR (default /tmp/ldf-bench) holds the generated CSV (shared with
#              read-large-csv.sh); SCRATCH (default .build); RUNS (default 2).
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_DIR=${BENCH_DIR:-/tmp/ldf-bench}
SCRATCH=${SCRATCH:-.build}
RUNS=${RUNS:-2}
CSV="$BENCH_DIR/day-40hz-v2.csv"
if [ ! -s "$CSV" ]; then
  echo "generating the 24-hour CSV with benchmarks/read-large-csv.sh first" >&2
  RUNS=0 BENCH_DIR="$BENCH_DIR" SCRATCH="$SCRATCH" benchmarks/read-large-csv.sh >/dev/null
fi
[ -x /usr/bin/time ] || apt-get install -y time >/dev/null 2>&1 || (apt-get update >/dev/null && apt-get install -y time >/dev/null)
swift build -c release --scratch-path "$SCRATCH" --product ldf >/dev/null
LDF="$SCRATCH/release/ldf"
echo "ldf stream on $(($(wc -l < "$CSV") - 1)) lines (24 h at 40 Hz), default window and hop; $(nproc) cores"
for run in $(seq 1 "$RUNS"); do
  /usr/bin/time -v "$LDF" stream < "$CSV" > "$BENCH_DIR/stream.jsonl" 2> "$BENCH_DIR/stream.time"
  wall=$(grep "Elapsed (wall clock)" "$BENCH_DIR/stream.time" | awk '{print $NF}')
  rss=$(grep "Maximum resident set size" "$BENCH_DIR/stream.time" | awk '{print $NF}')
  seconds=$(echo "$wall" | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
  records=$(grep -c '"type":"window"' "$BENCH_DIR/stream.jsonl")
  echo "run $run: wall ${seconds} s ($(awk -v s="$seconds" 'BEGIN { printf "%.0f", 86400 / s }')x real time), peak RSS $((rss / 1024)) MiB, $records window records"
done
