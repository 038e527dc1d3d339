#!/usr/bin/env bash
# Times `ldf study` on the bundled demo cohort (samples/study: 50 recordings, 30 rest of 10 min at
# 10 Hz and 20 PORH, 4.5 MB), release build:
#   cold:   a fresh output folder (every recording read and analysed, all tables and tests written)
#   cached: the same folder again (inputs unchanged: results read back from DIR/cache)
#   jobs 1: a fresh folder with --jobs 1, to see the parallel speed-up
# with /usr/bin/time -v for wall time and peak memory when available.
#
# Measured 2026-11-21, release, 2 cores shared with other builds (load average 4-7): cold 0.65-0.98 s
# wall (of which 0.5 s analysing), cached 0.16-0.39 s, --jobs 1 1.1-1.3 s; peak memory 45 MB.
# With --reperfusion-bands (20 PORH reperfusion segments analysed too) cold 1.06 s.
#
# Usage: benchmarks/study.sh [repeats, default 3]
# The build uses .build, or $LDF_BENCH_SCRATCH; outputs go to a temporary folder.
set -euo pipefail
cd "$(dirname "$0")/.."
repeats="${1:-3}"
scratch="${LDF_BENCH_SCRATCH:-.build}"
swift build -c release --product ldf --scratch-path "$scratch" >&2
ldf="$scratch/release/ldf"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
timer=()
if /usr/bin/time -v true 2>/dev/null; then timer=(/usr/bin/time -f "  wall %e s, peak memory %M KB"); fi

run() {
    local label="$1"; shift
    echo "$label: ldf $*" >&2
    "${timer[@]}" "$ldf" "$@" 2>&1 >/dev/null | grep -E "recordings analysed|wall" >&2
}

for r in $(seq 1 "$repeats"); do
    rm -rf "$work/out" "$work/out1"
    run "cold ($r)" study samples/study/manifest.csv --out "$work/out"
    run "cached ($r)" study samples/study/manifest.csv --out "$work/out"
    run "jobs 1 ($r)" study samples/study/manifest.csv --out "$work/out1" --jobs 1
done
