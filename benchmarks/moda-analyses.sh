#!/usr/bin/env bash
# Release-build timings of ldf bispectrum, ldf coupling and ldf study --coherence against the
# reference implementations on the same inputs, whole processes timed with /usr/bin/time -v
# (wall time, CPU time, peak memory):
#
#   bispectrum   Tests/Fixtures/moda/bispectrum-pair.csv (3 min at 10 Hz), 111/222/122/211,
#                fmin 0.05, fmax 2, zero padding: ldf against MODA's bispecWavNew in GNU Octave
#                (PyMODAlib has no bispectrum; MODA in Octave needs about 13 min here, so 30 min at
#                40 Hz is out of its reach: ldf alone is timed on that, with 19 IAAFT2 surrogates).
#   coupling     30 min at 40 Hz, bands 0.16-0.6 and 0.6-2 Hz (window 62.5 s), 19 CPP surrogates:
#                ldf against MODA's loop_butter + hilbert + bayes_main + dirc in Octave
#                (PyMODAlib's Python port does not work, its MATLAB one needs the MATLAB Runtime).
#   group        4 subjects x 2 signals, 30 min at 40 Hz: ldf study --coherence against
#                PyMODAlib's wavelet transforms and wphcoh of all 16 pairs (its group_coherence
#                returns zeros in 0.11.3b1), which is the same work.
#
# Measured 2026-12-02 (release, 2 cores shared with other developers' builds and benchmarks, so
# wall times are inflated and CPU time, user + system over all cores, is the steadier figure;
# ratio = reference / ldf):
#   bispectrum 3 min, 4 kinds   ldf 3.8 s CPU (32.6 s wall)   MODA/Octave 336 s CPU (23:22 wall)  88x CPU, 43x wall
#   bispectrum 30 min at 40 Hz  ldf 3.5 s CPU for 111 over 0.01-2 Hz (no reference can run it)
#   coupling 30 min, 19 CPP     ldf 1.0 s CPU (4.7 s wall)    MODA/Octave 10.5 s CPU (1:34 wall)  10x CPU, 20x wall
#                               (first run, busier machine and before the base-function speed-up:
#                               ldf 2.8 s CPU, Octave 7.7 s CPU)
#   group coherence 4 x 2       ldf 1.3 s CPU (6.0 s wall), 67 MiB; PyMODAlib 49.9 s CPU (3:38 wall),
#                               1178 MiB                                                           38x CPU, 36x wall
#
# Usage: MODA_DIR=/path/to/MODA benchmarks/moda-analyses.sh [bispectrum|coupling|group|all]
# Needs octave-cli with the signal package (apt-get install octave-cli octave-signal) for the
# MODA runs and .venv/pymodalib (scripts/setup-pymodalib.sh) for PyMODAlib; a reference that is
# missing is skipped. Data go to $LDF_BENCH_DATA (default /tmp/ldf-bench-moda).
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-all}"
data="${LDF_BENCH_DATA:-/tmp/ldf-bench-moda}"
mkdir -p "$data"
[ -x /usr/bin/time ] || apt-get install -y time >/dev/null
swift build -c release --product ldf >/dev/null
ldf=.build/release/ldf
fixtures=Tests/Fixtures/moda

timed() { # label command...: prints wall, CPU and peak memory of one whole process
    local label="$1"; shift
    /usr/bin/time -v "$@" >"$data/out.txt" 2>"$data/time.txt" || { tail -20 "$data/time.txt"; exit 1; }
    local wall user sys rss
    wall=$(grep "Elapsed (wall clock)" "$data/time.txt" | awk '{print $NF}')
    user=$(grep "User time (seconds)" "$data/time.txt" | awk '{print $NF}')
    sys=$(grep "System time (seconds)" "$data/time.txt" | awk '{print $NF}')
    rss=$(grep "Maximum resident set size" "$data/time.txt" | awk '{print $NF}')
    printf '%-58s wall %10s  cpu %8.1f s  peak %6d MiB\n' "$label" "$wall" "$(echo "$user + $sys" | bc)" "$((rss / 1024))"
}

have_octave() { [ -n "${MODA_DIR:-}" ] && command -v octave-cli >/dev/null && octave-cli --eval "pkg load signal" >/dev/null 2>&1; }

python3 - "$data" <<'PY'
import os, sys
import numpy as np
folder = sys.argv[1]
rate, seconds = 40.0, 1800
n = int(rate * seconds)
t = np.arange(n) / rate
rng = np.random.default_rng(41)
def write(name, columns):
    path = os.path.join(folder, name)
    if os.path.exists(path):
        return
    with open(path, "w") as out:
        out.write("time," + ",".join(f"s{k}" for k in range(len(columns))) + "\n")
        np.savetxt(out, np.column_stack([t] + columns), fmt="%.6g", delimiter=",")
# Coupling: a respiratory-like 0.25 Hz oscillation driving a 1.1 Hz one, plus noise.
phi1 = np.cumsum(2 * np.pi * 0.25 / rate + 0.01 * rng.standard_normal(n))
phi2 = np.zeros(n)
for k in range(1, n):
    phi2[k] = phi2[k - 1] + (2 * np.pi * 1.1 + 0.8 * np.sin(phi1[k - 1])) / rate + 0.01 * rng.standard_normal()
write("coupling.csv", [100 + 5 * np.cos(phi1) + rng.standard_normal(n), 100 + 5 * np.cos(phi2) + rng.standard_normal(n)])
# Bispectrum, 30 min: phase-coupled tones at 0.1, 0.25 and 0.35 Hz in noise.
p1, p2 = np.cumsum(0.002 * rng.standard_normal(n)), np.cumsum(0.002 * rng.standard_normal(n))
write("bispectrum.csv", [100 + 3 * np.cos(2 * np.pi * 0.1 * t + p1) + 2 * np.cos(2 * np.pi * 0.25 * t + p2)
                         + np.cos(2 * np.pi * 0.35 * t + p1 + p2) + rng.standard_normal(n)])
# Group: four subjects, each with two signals sharing its own 0.1 Hz rhythm.
for s in range(4):
    shared = np.cos(2 * np.pi * 0.1 * t + rng.uniform(0, 6) + np.cumsum(0.005 * rng.standard_normal(n)))
    write(f"subject{s}.csv", [100 + 4 * shared + 2 * rng.standard_normal(n), 50 + 2 * shared + 2 * rng.standard_normal(n)])
with open(os.path.join(folder, "manifest.csv"), "w") as out:
    out.write("subject,group,site,condition,protocol,path,channel\n")
    for s in range(4):
        out.write(f"p{s},g,forearm,rest,rest,subject{s}.csv,s0\np{s},g,finger,rest,rest,subject{s}.csv,s1\n")
PY

if [ "$what" = bispectrum ] || [ "$what" = all ]; then
    echo "== bispectrum"
    timed "ldf bispectrum, 3 min at 10 Hz, 4 kinds" "$ldf" bispectrum "$fixtures/bispectrum-pair.csv" --channels x,y \
        --fmin 0.05 --fmax 2 --padding zero --format json
    if have_octave; then
        timed "MODA bispecWavNew (Octave), same input, 4 kinds" env SKIP_GRIDS= OUT="$data/moda-bispectrum.json" octave-cli "$fixtures/bispectrum.m"
    else echo "MODA (Octave) skipped: set MODA_DIR and install octave-cli octave-signal"; fi
    timed "ldf bispectrum, 30 min at 40 Hz, 111, 0.01-2 Hz" "$ldf" bispectrum "$data/bispectrum.csv" --fmin 0.01 --fmax 2 --format json
    timed "ldf bispectrum, 30 min at 40 Hz, 111 + 19 IAAFT2 surrogates" "$ldf" bispectrum "$data/bispectrum.csv" --fmin 0.01 --fmax 2 \
        --surrogates 19 --format json
fi

if [ "$what" = coupling ] || [ "$what" = all ]; then
    echo "== coupling"
    timed "ldf coupling, 30 min at 40 Hz, 19 CPP surrogates" "$ldf" coupling "$data/coupling.csv" --channels s0,s1 \
        --bands 0.16-0.6,0.6-2 --surrogates 19 --format json
    if have_octave; then
        cat > "$data/coupling.m" <<OCT
addpath(fullfile(getenv('MODA_DIR'), 'allguis', 'guis', 'bayesian', 'Functions'));
addpath(fullfile(getenv('MODA_DIR'), 'allguis', 'guis', 'coherence', 'Functions'));
pkg load signal;
d = dlmread('$data/coupling.csv', ',', 1, 0); fs = 40;
[b1, ~] = loop_butter(d(:, 2), [0.16, 0.6], fs); [b2, ~] = loop_butter(d(:, 3), [0.6, 2], fs);
phi1 = angle(hilbert(b1)); phi2 = angle(hilbert(b2));
[tm, cc] = bayes_main(phi1, phi2, 62.5, 1 / fs, 1, 0.2, 0, 2);
for m = 1:rows(cc), [c1(m), c2(m)] = dirc(cc(m, :), 2); end
s1 = surrcalc(phi1', 19, 'CPP', 0, fs); s2 = surrcalc(phi2', 19, 'CPP', 0, fs);
for n = 1:19
  [~, cs] = bayes_main(s1(n, :), s2(n, :), 62.5, 1 / fs, 1, 0.2, 0, 2);
  for m = 1:rows(cs), [x1(n, m), x2(n, m)] = dirc(cs(m, :), 2); end
end
printf('%d windows\n', numel(tm));
OCT
        timed "MODA bayes_main (Octave), same input, 19 CPP surrogates" octave-cli "$data/coupling.m"
    else echo "MODA (Octave) skipped: set MODA_DIR and install octave-cli octave-signal"; fi
fi

if [ "$what" = group ] || [ "$what" = all ]; then
    echo "== group coherence"
    timed "ldf study --coherence, 4 subjects x 2 x 30 min at 40 Hz" "$ldf" study "$data/manifest.csv" --out "$data/study" \
        --coherence forearm,finger --fmin 0.01 --fmax 2
    if [ -x .venv/pymodalib/bin/python ]; then
        cat > "$data/group.py" <<PY
import sys
sys.path.insert(0, "Tests/Fixtures/pymodalib")
import pymodalib_compat  # noqa: F401
import numpy as np, pymodalib
from pymodalib.algorithms.coherence import wphcoh
options = dict(fmin=0.01, fmax=2.0, resolution=1, wavelet="Morlet", preprocess=True, padding="predictive", cut_edges=True)
signals = [np.loadtxt(f"$data/subject{s}.csv", delimiter=",", skiprows=1) for s in range(4)]
a = [pymodalib.wavelet_transform(x[:, 1], 40.0, **options)[0] for x in signals]
b = [pymodalib.wavelet_transform(x[:, 2], 40.0, **options)[0] for x in signals]
c = [[wphcoh(a[i], b[j])[0] for j in range(4)] for i in range(4)]
print(len(c))
PY
        timed "PyMODAlib wavelet_transform x 8 + wphcoh x 16" .venv/pymodalib/bin/python "$data/group.py"
    else echo "PyMODAlib skipped: run scripts/setup-pymodalib.sh"; fi
fi
