#!/usr/bin/env bash
# Times reading the same 24-hour, 40 Hz recording as CSV (benchmarks/read-large-csv.sh's file),
# as EDF+ (one 40 Hz flux signal and a 1 Hz temperature, 86,400 one-second records) and as a
# WFDB record (format 16), with the release build of `ldf info FILE --format json`: wall time,
# CPU time and peak memory from /usr/bin/time -v. The flux samples are 3,456,000 doubles
# (27.6 MB); peak memory is compared with that.
#
# Usage: benchmarks/read-large-formats.sh        (from the repository root)
# Environment: BENCH_DIR (default /tmp/ldf-bench) holds the generated files, made once;
#              SCRATCH (default .build) is the SwiftPM scratch path; RUNS (default 3) timed runs.
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_DIR=${BENCH_DIR:-/tmp/ldf-bench}
SCRATCH=${SCRATCH:-.build}
RUNS=${RUNS:-3}
CSV="$BENCH_DIR/day-40hz-v2.csv"
EDF="$BENCH_DIR/day-40hz.edf"
WFDB="$BENCH_DIR/day-40hz-wfdb"

if [ ! -x /usr/bin/time ]; then
  apt-get install -y time >/dev/null 2>&1 || (apt-get update >/dev/null && apt-get install -y time >/dev/null)
fi
mkdir -p "$BENCH_DIR"
[ -s "$CSV" ] || RUNS=0 benchmarks/read-large-csv.sh >/dev/null
if [ ! -s "$EDF" ] || [ ! -s "$WFDB.dat" ]; then
  echo "generating $EDF and $WFDB.hea/.dat" >&2
  python3 - "$EDF" "$WFDB" <<'PY'
import sys
import numpy as np
rate, seconds = 40, 86_400
n = rate * seconds
rng = np.random.default_rng(1)
t = np.arange(n) / rate
flux = 600 + 50 * np.sin(2 * np.pi * 1.2 * t) + 20 * np.sin(2 * np.pi * 0.1 * t) + rng.normal(0, 5, n)
digital = np.clip(np.round(flux * 10), -32768, 32767).astype("<i2")      # 0.1 PU per step
temp = np.clip(np.round((32 + 0.5 * np.sin(2 * np.pi * np.arange(seconds) / 3600)) * 100), -32768, 32767).astype("<i2")
field = lambda values, width: "".join(str(v).ljust(width)[:width] for v in values)
header = ("0".ljust(8) + "X X X X".ljust(80) + "Startdate 01-JAN-2024 X X X".ljust(80) + "01.01.24" + "00.00.00"
          + str(256 * 3).ljust(8) + "EDF+C".ljust(44) + str(seconds).ljust(8) + "1".ljust(8) + "2".ljust(4)
          + field(["Flux", "Temp"], 16) + field(["", ""], 80) + field(["PU", "degC"], 8)
          + field(["-3276.8", "-327.68"], 8) + field(["3276.7", "327.67"], 8) + field([-32768, -32768], 8)
          + field([32767, 32767], 8) + field(["", ""], 80) + field([rate, 1], 8) + field(["", ""], 32))
records = np.concatenate([digital.reshape(seconds, rate), temp.reshape(seconds, 1)], axis=1)
with open(sys.argv[1], "wb") as f:
    f.write(header.encode("ascii"))
    f.write(records.astype("<i2").tobytes())
digital.tofile(sys.argv[2] + ".dat")
name = sys.argv[2].rsplit("/", 1)[-1]
with open(sys.argv[2] + ".hea", "w") as f:
    f.write(f"{name} 1 {rate} {n} 00:00:00 01/01/2024\n{name}.dat 16 10/PU 16 0 0 0 0 Flux\n")
PY
fi

swift build -c release --scratch-path "$SCRATCH" --product ldf >/dev/null
LDF="$SCRATCH/release/ldf"
for file in "$CSV" "$EDF" "$WFDB.hea"; do
  ls -l "$file" | awk '{printf "%s: %.1f MB\n", $NF, $5 / 1e6}'
  for run in $(seq 1 "$RUNS"); do
    /usr/bin/time -v "$LDF" info "$file" --format json >/dev/null 2>"$BENCH_DIR/time.txt"
    wall=$(grep "Elapsed (wall clock)" "$BENCH_DIR/time.txt" | awk '{print $NF}')
    cpu=$(grep -E "(User|System) time" "$BENCH_DIR/time.txt" | awk '{s += $NF} END {printf "%.2f", s}')
    peak=$(grep "Maximum resident set size" "$BENCH_DIR/time.txt" | awk '{printf "%.0f", $NF / 1024}')
    echo "  run $run: wall $wall, CPU ${cpu} s, peak memory ${peak} MB"
  done
done
