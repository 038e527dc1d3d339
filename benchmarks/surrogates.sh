#!/usr/bin/env bash
# IAAFT surrogates alone, like for like: the release benchmark executable ldf-bench-iaaft
# (benchmarks/Sources/ldf-bench-iaaft: reads the recording as `ldf bands` does, then only
# SurrogateGenerator.surrogates, the IAAFT1 surrogates `ldf bands --surrogates N` makes, in parallel
# on the cores) against the NumPy reference IAAFT of the coherence fixtures
# (benchmarks/iaaft-numpy.py, which imports Tests/Fixtures/coherence/numpy_surrogates.py) on the same
# input, the first signal of benchmarks/coherence.sh (30 min at 40 Hz), with the same seed, iteration
# cap and surrogate streams: both print each surrogate's iteration count, which must agree, and the
# CPU seconds of their IAAFT loop alone. Whole processes timed with benchmarks/ab.sh (A, B
# interleaved, median pair ratio; CPU is user + system of all threads).
#
# Measured 2026-12-03, `ldf bands --surrogates 10` (IAAFT plus the wavelet transforms and band
# ranks) against NumPy: 2.56-2.67 s CPU vs 13.7-14.8 s (ratio 0.17-0.20), not like for like.
# Measured 2026-12-04 with ldf-bench-iaaft (release, 2 shared cores under load, 3 pairs): the same
# iterations per surrogate (109 138 179 98 101 142 117 98 110 83) on both sides; 1.14 s vs 11.1 s
# CPU, ratio 0.103 (9.7x; issue 18 asks 10x). IAAFT loop alone 1.13 s vs 10.5 s. A perf profile
# of ldf-bench-iaaft: FFTW 42 %, the insertion sort 20 %, the radix sort 8 %, the amplitude step
# and the scatter of the sorted values the rest. Before this round's changes (SIMD amplitude step,
# radix sort right after an insertion sort ran out, FFT read in place, keys made before the
# insertion sort) ldf-bench-iaaft took 1.19-1.25 s CPU (single runs, same load); the last two alone
# took 3 % off (median of 5 pairs). Surrogates bit-identical throughout (FNV-1a fingerprint unchanged).
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
swift build -c release --product ldf-bench-iaaft >/dev/null
bench=$PWD/.build/release/ldf-bench-iaaft
input="$data/a.csv"

echo "== agreement: IAAFT iterations of $count surrogates (seed $seed)"
"$bench" "$input" "$count" "$seed"
python3 benchmarks/iaaft-numpy.py "$input" "$count" "$seed"

echo "== ldf IAAFT (A) vs the NumPy reference IAAFT (B), $count surrogates"
benchmarks/ab.sh "$runs" "$bench $input $count $seed" "python3 benchmarks/iaaft-numpy.py $input $count $seed"
