#!/usr/bin/env bash
# Release-build timing of ldf harmonics against PyMODAlib's harmonicfinder on the same input,
# whole processes timed with benchmarks/ab.sh (A, B interleaved, median pair ratio):
#
#   same work   120 s at 40 Hz of the fixture's recipe (Tests/Fixtures/harmonics/generate.py:
#               0.1 Hz with its locked second harmonic, an unrelated 0.37 Hz, noise), scales
#               1/0.6 ... 1/0.06 s (49 frequencies), sigma 1.05, time resolution 0.1 s, 24 bins,
#               10 AAFT surrogates. PyMODAlib bins every phase pair in a Python loop, so 30 min at
#               40 Hz with ldf's default range (111 frequencies, 18,001 times) would take it hours
#               (the 300 s, 20 Hz fixture took it 320 s); the shorter input keeps it to minutes.
#   ldf alone   the default analysis (0.0095-2 Hz, 111 frequencies, 10 surrogates) on 30 min at
#               40 Hz (ldf simulate rest, seed 7).
#
# Usage: [LDF_SCRATCH=.build-release] benchmarks/harmonics.sh   (needs .venv/pymodalib from scripts/setup-pymodalib.sh; data go
# to $LDF_BENCH_DATA, default /tmp/ldf-bench-harmonics)
set -euo pipefail
[ -x /usr/bin/time ] || apt-get install -y time >/dev/null
cd "$(dirname "$0")/.."
data="${LDF_BENCH_DATA:-/tmp/ldf-bench-harmonics}"
mkdir -p "$data"
scratch="${LDF_SCRATCH:-.build}"   # another build folder keeps a debug build's lock out of the way
swift build -c release --product ldf --scratch-path "$scratch" >/dev/null
ldf=$PWD/$scratch/release/ldf
venv="${PYMODALIB_VENV:-.venv/pymodalib}"
[ -x "$venv/bin/python" ] || scripts/setup-pymodalib.sh "$venv"
short="$data/harmonics-120s-40hz.csv"
reference="$venv/bin/python Tests/Fixtures/harmonics/generate.py --benchmark 120 40 $short"

echo "== PyMODAlib's own timing of harmonicfinder (one run; writes the input)"
$reference

echo "== same work: ldf harmonics vs PyMODAlib (120 s at 40 Hz, 49 frequencies, 10 surrogates)"
benchmarks/ab.sh 2 "$ldf harmonics $short --fmin 0.06 --fmax 0.6 --surrogates 10 --format json" "$reference"

long="$data/rest-40hz-30min.csv"
[ -f "$long" ] || "$ldf" simulate rest --rate 40 --duration 1800 --seed 7 -o "$long" >/dev/null
echo "== ldf alone: the default analysis on 30 min at 40 Hz (111 frequencies, 10 surrogates)"
for _ in 1 2 3; do
    /usr/bin/time -f "wall %e s, cpu %U + %S s, peak %M KiB" "$ldf" harmonics "$long" --format json >/dev/null
done
