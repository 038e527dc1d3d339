#!/usr/bin/env bash
# Times the Hampel filter and the Welch method through `ldf bands`, on a synthetic 24 h recording
# at 40 Hz (3,456,000 samples; the default 20 s Hampel window is 801 samples):
#   A: ldf bands FILE --method welch            (read CSV + Welch + band summaries)
#   B: ldf bands FILE --method welch --hampel   (the same plus the Hampel filter)
# B - A is the Hampel filter's cost. Goal (2 cores, release build): Hampel under 1 s.
#
# Usage: benchmarks/bands-hampel-welch.sh [repeats, default 3]
# The CSV (about 70 MB, generated once) goes to /tmp/ldf-bench-bands or $LDF_BENCH_DATA; the
# build uses .build, or $LDF_BENCH_SCRATCH.
set -euo pipefail
cd "$(dirname "$0")/.."
repeats="${1:-3}"
data="${LDF_BENCH_DATA:-/tmp/ldf-bench-bands}"
scratch="${LDF_BENCH_SCRATCH:-.build}"
mkdir -p "$data"
file="$data/24h-40Hz-spikes.csv"

[ -f "$file" ] || python3 benchmarks/tones.py "$file" --spikes 2000

swift build -c release --scratch-path "$scratch" --product ldf >/dev/null
binary="$scratch/release/ldf"

best() { # best wall time in seconds of `ldf bands FILE ARGS...` over the repeats
    local best=""
    for _ in $(seq "$repeats"); do
        local start end
        start=$(date +%s.%N)
        "$binary" bands "$file" --format json "$@" >/dev/null 2>"$data/stderr.log"
        end=$(date +%s.%N)
        best=$(python3 -c "import sys; a=float(sys.argv[1]); b='$best'; print(min(a, float(b)) if b else a)" "$(echo "$end - $start" | bc)")
    done
    echo "$best"
}

welch=$(best --method welch)
hampel=$(best --method welch --hampel)
grep -i hampel "$data/stderr.log" || true
python3 -c "import sys; w, h = map(float, sys.argv[1:]); print(f'welch {w:.3f} s, welch+hampel {h:.3f} s, hampel {h - w:.3f} s (best of $repeats)')" "$welch" "$hampel"
