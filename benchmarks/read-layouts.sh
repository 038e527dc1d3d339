#!/usr/bin/env bash
# Times reading a 24-hour, 32 Hz, two-probe export in a vendor-like layout (a `Key:<TAB>value`
# header block, names row `Time (s)<TAB>PU 1<TAB>PU 2<TAB>Temp<TAB>Phase`, a state column that
# changes every 10 minutes; 2,764,800 rows, about 120 MB) with the release build of
# `ldf info FILE --format json`, and of `ldf bands --channel all --method welch` (both probes):
# wall time, CPU time and peak memory from /usr/bin/time -v. Compare with
# benchmarks/read-large-csv.sh (a plain two-column CSV) for the cost of the layout detection,
# annotation columns and extra channels.
#
# Measured (release, 2 cores shared with other developers' builds, so CPU time is the steadier
# figure): info 1.7-1.8 s CPU, 246 MB peak (most of it the medians of four channels' summary
# statistics); bands --channel all --method welch 0.9-1.2 s CPU, 246 MB peak. Before issue 10
# this layout was refused ("no time column"), so there is no earlier figure; the plain CSV of
# read-large-csv.sh reads at the same CPU time as before (whole-process ratio 0.99).
#
# Usage: benchmarks/read-layouts.sh            (from the repository root)
# Environment: BENCH_DIR (default /tmp/ldf-bench) holds the generated file, made once;
#              SCRATCH (default .build) is the SwiftPM scratch path; RUNS (default 3) timed runs.
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_DIR=${BENCH_DIR:-/tmp/ldf-bench}
SCRATCH=${SCRATCH:-.build}
RUNS=${RUNS:-3}
FILE="$BENCH_DIR/day-32hz-two-probes-header.txt"

if [ ! -x /usr/bin/time ]; then
  echo "installing GNU time (for peak memory)" >&2
  apt-get install -y time >/dev/null 2>&1 || (apt-get update >/dev/null && apt-get install -y time >/dev/null)
fi

mkdir -p "$BENCH_DIR"
if [ ! -s "$FILE" ]; then
  echo "generating $FILE" >&2
  python3 - "$FILE" <<'PY'
import sys
import numpy as np
rate, hours = 32, 24
n = rate * 3600 * hours
rng = np.random.default_rng(2)
t = np.arange(n) / rate
with open(sys.argv[1], "w") as f:
    f.write("File:\tC:\\PSW\\Data\\BENCH.PSW\nDate:\t2023-03-14\nTime:\t08:00:00\nSample rate:\t32 Hz\nSubject ID\tB01\n\n")
    f.write("Time (s)\tPU 1\tPU 2\tTemp\tPhase\n")
    for start in range(0, n, 400_000):
        stop = min(n, start + 400_000)
        tt = t[start:stop]
        p1 = 60 + 10 * np.sin(2 * np.pi * 0.1 * tt) + 3 * np.sin(2 * np.pi * 1.1 * tt) + rng.normal(0, 2, tt.size)
        p2 = 40 + 8 * np.sin(2 * np.pi * 0.05 * tt) + 2 * np.sin(2 * np.pi * 1.1 * tt) + rng.normal(0, 2, tt.size)
        temp = 32 + 0.5 * np.sin(2 * np.pi * tt / 3600)
        phase = np.where((tt // 600) % 2 == 0, "rest", "heat")
        lines = [f"{a:.5f}\t{b:.3f}\t{c:.3f}\t{d:.2f}\t{e}\n" for a, b, c, d, e in zip(tt, p1, p2, temp, phase)]
        f.writelines(lines)
PY
fi
ls -l "$FILE" | awk '{printf "file: %s, %.1f MB, ", $NF, $5 / 1e6}'
echo "$(($(wc -l < "$FILE") - 7)) rows"

swift build -c release --scratch-path "$SCRATCH" --product ldf >/dev/null
LDF="$SCRATCH/release/ldf"

measure() {
  local label=$1; shift
  for run in $(seq 1 "$RUNS"); do
    /usr/bin/time -v "$@" >/dev/null 2>"$BENCH_DIR/time.txt" || { cat "$BENCH_DIR/time.txt" >&2; exit 1; }
    wall=$(grep "Elapsed (wall clock)" "$BENCH_DIR/time.txt" | awk '{print $NF}')
    cpu=$(grep -E "(User|System) time" "$BENCH_DIR/time.txt" | awk '{s += $NF} END {printf "%.2f", s}')
    peak=$(grep "Maximum resident set size" "$BENCH_DIR/time.txt" | awk '{printf "%.0f", $NF / 1024}')
    echo "$label run $run: wall $wall, CPU ${cpu} s (user + system), peak memory ${peak} MB"
  done
}
measure "info" "$LDF" info "$FILE" --format json
measure "bands --channel all --method welch" "$LDF" bands --channel all --method welch --format json "$FILE"
