#!/usr/bin/env bash
# Issue 18's study target: a cold `ldf study` of 200 thirty-minute rest recordings at 40 Hz
# (100 per group; fresh output folder each run, so every recording is read, analysed and every
# table and test written) against one `ldf bands` process given the same 200 files (reading and
# the same band analysis, no study tables). Release build; A, B, A, B via benchmarks/ab.sh
# (CPU and wall ratios, median of the pairs). Target: study wall time at most the bands wall time.
#
# Usage: benchmarks/study-200.sh [pairs, default 3]
# Environment: BENCH_DIR (default /tmp/ldf-bench) holds the generated cohort (about 400 MB).
set -euo pipefail
cd "$(dirname "$0")/.."
pairs="${1:-3}"
BENCH_DIR=${BENCH_DIR:-/tmp/ldf-bench}
[ -x /usr/bin/time ] || apt-get install -y time >/dev/null 2>&1 || (apt-get update >/dev/null && apt-get install -y time >/dev/null)
swift build -c release --product ldf >/dev/null
ldf="$(pwd)/.build/release/ldf"
cohort="$BENCH_DIR/study-200"
if [ ! -s "$cohort/manifest.csv" ]; then
    mkdir -p "$cohort"
    echo "subject,group,site,condition,protocol,path" > "$cohort/manifest.csv"
    for i in $(seq 1 200); do
        group=$([ "$i" -le 100 ] && echo control || echo patient)
        "$ldf" simulate rest --rate 40 --duration 1800 --seed "$i" -o "$cohort/r$i.csv" 2>/dev/null
        echo "s$i,$group,forearm,baseline,rest,r$i.csv" >> "$cohort/manifest.csv"
    done
fi
files=$(for i in $(seq 1 200); do printf '%s ' "$cohort/r$i.csv"; done)
echo "A: ldf study (cold) on 200 x 30 min at 40 Hz; B: ldf bands on the same 200 files; $(nproc) cores" >&2
benchmarks/ab.sh "$pairs" "rm -rf '$BENCH_DIR/study-200-out' && '$ldf' study '$cohort/manifest.csv' --out '$BENCH_DIR/study-200-out'" \
    "'$ldf' bands $files --format csv"
