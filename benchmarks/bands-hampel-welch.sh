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

if [ ! -f "$file" ]; then
python3 - "$file" <<'PY'
import sys
import numpy as np
rate, seconds = 40.0, 86400
rng = np.random.default_rng(2)
t = np.arange(int(seconds * rate)) / rate
x = 100 + 6 * np.sin(2 * np.pi * 0.1 * t) + 4 * np.sin(2 * np.pi * 1.1 * t) + 2 * rng.standard_normal(t.size)
spikes = rng.choice(t.size, 2000, replace=False)
x[spikes] += rng.choice([-60.0, 60.0], spikes.size)
with open(sys.argv[1], "w") as out:
    out.write("time,flux\n")
    np.savetxt(out, np.column_stack([t, x]), fmt=("%.3f", "%.4f"), delimiter=",")
PY
fi

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
