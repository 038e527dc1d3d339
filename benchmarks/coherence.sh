#!/usr/bin/env bash
# Times `ldf coherence A B --surrogates 100 --surrogate-type iaaft1` (read two CSVs, MODA wavelet
# phase coherence, 100 IAAFT surrogate pairs with coherence, rank-test thresholds) on a synthetic
# 30-min 40 Hz pair, with /usr/bin/time -v for wall time and peak memory; also without surrogates,
# and for the other surrogate types with fewer pairs. Release build. Wall time depends on how busy
# the machine is; CPU time (user + system, summed over the cores) is the steadier figure: on an
# idle 2-core machine the wall time of the surrogate runs is about half of it.
#
# Measured 2026-11-21 (commit 54f6007, release, 2 cores, machine otherwise idle): coherence only
# 0.11 s; 100 IAAFT1 surrogate pairs (200 IAAFT surrogates of 72,000 samples, about 130
# iterations each, plus 200 wavelet transforms and the pair coherences) 22.2 s wall, 43.7 s CPU,
# 50 MiB peak; 19 pairs of FT/AAFT/tshift/CPP/RP about 1 s, IAAFT2 4.6 s.
#
# Usage: benchmarks/coherence.sh [surrogate pairs, default 100] [padding, default predictive]
# The CSVs (about 1.5 MB each, generated once) go to /tmp/ldf-bench-coherence, or to
# $LDF_BENCH_DATA; the build uses .build, or $LDF_BENCH_SCRATCH.
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-100}"
padding="${2:-predictive}"
data="${LDF_BENCH_DATA:-/tmp/ldf-bench-coherence}"
scratch="${LDF_BENCH_SCRATCH:-.build}"
mkdir -p "$data"

if [ ! -x /usr/bin/time ]; then
    apt-get install -y time >/dev/null
fi

python3 - "$data" <<'PY'
import os, sys
import numpy as np
folder = sys.argv[1]
rate, seconds = 40.0, 1800
t = np.arange(int(seconds * rate)) / rate
rng = np.random.default_rng(7)
# A shared myogenic oscillation whose phase wanders, plus each signal's own tones and noise.
shared = np.sin(2 * np.pi * 0.1 * t + np.cumsum(0.01 * rng.standard_normal(t.size)))
for name, own, lag in (("a.csv", 0.3, 0), ("b.csv", 1.1, 20)):
    path = os.path.join(folder, name)
    if os.path.exists(path):
        continue
    x = 100 + 5 * np.roll(shared, lag) + 3 * np.sin(2 * np.pi * own * t) + 2 * rng.standard_normal(t.size)
    with open(path, "w") as out:
        out.write("time,flux\n")
        np.savetxt(out, np.column_stack([t, x]), fmt=("%.3f", "%.4f"), delimiter=",")
    print(f"wrote {path} ({t.size} samples)")
PY

swift build -c release --scratch-path "$scratch" --product ldf >/dev/null
ldf="$scratch/release/ldf"
a="$data/a.csv"; b="$data/b.csv"

run() {
    local label="$1"; shift
    /usr/bin/time -v "$ldf" coherence "$a" "$b" --padding "$padding" --format json "$@" >/dev/null 2>"$data/time.txt" || {
        cat "$data/time.txt"; exit 1; }
    local wall rss user sys
    wall=$(grep "Elapsed (wall clock)" "$data/time.txt" | awk '{print $NF}')
    rss=$(grep "Maximum resident set size" "$data/time.txt" | awk '{print $NF}')
    user=$(grep "User time (seconds)" "$data/time.txt" | awk '{print $NF}')
    sys=$(grep "System time (seconds)" "$data/time.txt" | awk '{print $NF}')
    printf '%-36s wall %8s   cpu %7.2f s   peak %5d MiB\n' "$label" "$wall" "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" "$((rss / 1024))"
}

echo "30-min 40 Hz pair, padding $padding, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
run "coherence only"
run "coherence + time-localised" --time-localised
run "$count IAAFT1 surrogate pairs" --surrogates "$count" --surrogate-type iaaft1
for kind in ft aaft iaaft2 tshift cpp rp; do
    run "19 $kind surrogate pairs" --surrogates 19 --surrogate-type "$kind"
done
