#!/usr/bin/env bash
# Times reading a 24-hour, 40 Hz recording (3,456,000 rows of `time,flux`, about 93 MB) with the
# release build of `ldf info FILE --format json`: wall time, CPU time and peak memory from
# /usr/bin/time -v. `ldf info` also assembles the recording and computes summary statistics, so
# the figures bound the reader's own cost from above.
#
# Usage: benchmarks/read-large-csv.sh            (from the repository root)
# Environment: BENCH_DIR (default /tmp/ldf-bench) holds the generated CSV, made once;
#              SCRATCH (default .build) is the SwiftPM scratch path; RUNS (default 3) timed runs.
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_DIR=${BENCH_DIR:-/tmp/ldf-bench}
SCRATCH=${SCRATCH:-.build}
RUNS=${RUNS:-3}
CSV="$BENCH_DIR/day-40hz-v2.csv"

if [ ! -x /usr/bin/time ]; then
  echo "installing GNU time (for peak memory)" >&2
  apt-get install -y time >/dev/null 2>&1 || (apt-get update >/dev/null && apt-get install -y time >/dev/null)
fi

mkdir -p "$BENCH_DIR"
if [ ! -s "$CSV" ]; then
  echo "generating $CSV" >&2
  python3 - "$CSV" <<'PY'
import sys
import numpy as np
rate, hours = 40, 24
n = rate * 3600 * hours
rng = np.random.default_rng(1)
t = np.arange(n) / rate
flux = 600 + 50 * np.sin(2 * np.pi * 1.2 * t) + 20 * np.sin(2 * np.pi * 0.1 * t) + rng.normal(0, 5, n)
with open(sys.argv[1], "w") as f:
    f.write("time,flux\n")
    # Chunks keep memory low; microsecond times and 9 decimals make the file about 100 MB.
    for start in range(0, n, 500_000):
        stop = min(n, start + 500_000)
        block = np.column_stack([t[start:stop], flux[start:stop]])
        np.savetxt(f, block, fmt=["%.6f", "%.9f"], delimiter=",")
PY
fi
ls -l "$CSV" | awk '{printf "file: %s, %.1f MB, ", $NF, $5 / 1e6}'
echo "$(($(wc -l < "$CSV") - 1)) rows"

swift build -c release --scratch-path "$SCRATCH" --product ldf >/dev/null
LDF="$SCRATCH/release/ldf"
if ! "$LDF" info --help >/dev/null 2>&1; then
  echo "ldf info is not available in this build; nothing to time" >&2
  exit 1
fi

for run in $(seq 1 "$RUNS"); do
  /usr/bin/time -v "$LDF" info "$CSV" --format json >/dev/null 2>"$BENCH_DIR/time.txt"
  wall=$(grep "Elapsed (wall clock)" "$BENCH_DIR/time.txt" | awk '{print $NF}')
  cpu=$(grep -E "(User|System) time" "$BENCH_DIR/time.txt" | awk '{s += $NF} END {printf "%.2f", s}')
  peak=$(grep "Maximum resident set size" "$BENCH_DIR/time.txt" | awk '{printf "%.0f", $NF / 1024}')
  echo "run $run: wall $wall, CPU ${cpu} s (user + system; steadier on a shared machine), peak memory ${peak} MB"
done
