#!/usr/bin/env bash
# IAAFT surrogates: release `ldf bands FILE --surrogates N` against the NumPy reference IAAFT of the
# coherence fixtures (benchmarks/iaaft-numpy.py, which imports
# Tests/Fixtures/coherence/numpy_surrogates.py) on the same input, the first signal of
# benchmarks/coherence.sh (30 min at 40 Hz), with the same seed, iteration cap and surrogate
# streams: both print the mean iteration count, which must agree. Whole processes timed with
# benchmarks/ab.sh (A, B interleaved, median pair ratio). ldf does more than NumPy here: it also
# reads the file, transforms the signal and every surrogate and ranks the band amplitudes.
#
# Measured 2026-12-03 (release, 2 cores shared with other builds, load ~12; CPU is user + system):
#   agreement   10 surrogates, mean 117.5 iterations, none at the cap, in both
#   before      ldf 3.66 s CPU vs NumPy 14.7 s CPU: ratio 0.25 (1 pair; rank sort by comparison)
#   after       see the README benchmark table (reused radix/insertion ranking)
#
# Usage: benchmarks/surrogates.sh [surrogates, default 10] [runs, default 3]
# Data go to $LDF_BENCH_DATA (default /tmp/ldf-bench-coherence), shared with coherence.sh.
set -euo pipefail
[ -x /usr/bin/time ] || apt-get install -y time >/dev/null
cd "$(dirname "$0")/.."
count="${1:-10}"
runs="${2:-3}"
seed=1
data="${LDF_BENCH_DATA:-/tmp/ldf-bench-coherence}"
mkdir -p "$data"
[ -f "$data/a.csv" ] || LDF_BENCH_DATA="$data" sed -n '/^python3 - "\$data" <<.PY.$/,/^PY$/p' benchmarks/coherence.sh \
    | sed '1d;$d' | python3 - "$data"
swift build -c release --product ldf >/dev/null
ldf=$PWD/.build/release/ldf
input="$data/a.csv"

echo "== agreement: mean IAAFT iterations of $count surrogates (seed $seed)"
"$ldf" bands "$input" --surrogates "$count" --significance-test percentile --seed "$seed" --format json \
    | grep -o '"iaaft_mean_iterations" : [0-9.]*'
python3 benchmarks/iaaft-numpy.py "$input" "$count" "$seed"

echo "== ldf bands --surrogates $count (A) vs the NumPy reference IAAFT (B)"
benchmarks/ab.sh "$runs" "$ldf bands $input --surrogates $count --significance-test percentile --seed $seed --format json" \
    "python3 benchmarks/iaaft-numpy.py $input $count $seed"
