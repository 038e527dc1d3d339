#!/usr/bin/env bash
# Release-build timings of ldf ridges (ridge extraction and direct reconstruction, wavelet and
# windowed Fourier transform) and ldf bands --transform wft against MODA's own code on the same
# input, whole processes timed with /usr/bin/time -v (wall time, CPU time, peak memory):
#
#   ridges-wt    30 min at 40 Hz, band 0.6-2 Hz: ldf ridges against MODA's ridge_extraction
#                (wt.m, ecurve.m, rectfr.m 'direct') in GNU Octave
#   ridges-wft   the same with the windowed Fourier transform (wft.m, f0 = 1 / 0.6 s)
#   wft          ldf bands --transform wft 0.6-2 Hz against wft.m with CutEdges on and the time
#                average (the same work: a time-averaged WFT spectrum)
# PyMODAlib 0.11.3b1 has ridge extraction and the WFT only as implementation="matlab" (they need
# the MATLAB Runtime), so MODA in Octave is the reference here.
#
# Measured 2026-12-03 (release, one run each, 2 cores shared with five other developers' builds
# at a load average near 16, so wall times are inflated and CPU time, user + system, is the
# steadier figure; ratio = MODA / ldf):
#   ridges-wt    ldf 2.6 s CPU (6.7 s wall), 144 MiB   MODA/Octave 36.2 s CPU (1:23 wall), 729 MiB   14x CPU, 12x wall
#   ridges-wft   ldf 3.7 s CPU (8.8 s wall), 295 MiB   MODA/Octave 25.4 s CPU (0:51 wall), 418 MiB   6.9x CPU, 5.8x wall
#   wft          ldf 0.1 s CPU (0.2 s wall), 38 MiB    MODA/Octave 4.3 s CPU (0:07 wall), 458 MiB    about 40x CPU
#                (ldf's 0.1 s is at GNU time's 10 ms resolution)
#
# Profiled 2026-12-04 (perf, WFT run): 29 % spelling CSV rows (18 % snake-casing column names per
# cell), 18 % |W| through a KeyPath map into a second 81 MB matrix, 21 % the full-rate rows (7 % cos
# and sin per sample), ~20 % page faults of the two matrices. Fixed without changing a byte of
# output: ASCII names spelled on bytes and not at all for data rows (ReportColumns.texts), |W| read
# from the complex rows in blocks of 64 times, the baseband shift's factors from a table.
# Measured 2026-12-04 after that (release, load ~7 from other builds; PAIRS=3, median CPU ratio):
#   ridges-wt    ldf 0.74 s CPU, 115 MiB    MODA/Octave 21.8 s CPU, 724 MiB   ratio 0.034 (29x CPU)
#   ridges-wft   ldf 0.92 s CPU, 219 MiB    MODA/Octave 11.7 s CPU, 417 MiB   ratio 0.079 (12.7x CPU, 13.9x wall)
# Left in the WFT run: 20 % FFTW (141 inverse FFTs of 131072 points, one per row at full rate),
# ~25 % spelling the 72,000 CSV rows (number formatting, the Encodable row), page faults of the
# 162 MB band matrix.
#
# Usage: MODA_DIR=/path/to/MODA [PAIRS=3] benchmarks/ridges-wft.sh [ridges-wt|ridges-wft|wft|all]
# PAIRS > 0 adds that many interleaved ldf / MODA pairs (benchmarks/ab.sh, median CPU ratio).
# Needs octave-cli (apt-get install octave) and a MODA work tree; without them ldf alone is timed.
# Data go to $LDF_BENCH_DATA (default /tmp/ldf-bench-ridges).
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-all}"
pairs="${PAIRS:-0}"
data="${LDF_BENCH_DATA:-/tmp/ldf-bench-ridges}"
mkdir -p "$data"
[ -x /usr/bin/time ] || apt-get install -y time >/dev/null
swift build -c release --product ldf >/dev/null
ldf=.build/release/ldf
here=$(pwd)

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

have_octave() { [ -n "${MODA_DIR:-}" ] && command -v octave-cli >/dev/null; }

# 30 min at 40 Hz: a frequency-modulated cardiac-like tone (1.1 + 0.1 cos(2 pi t / 60) Hz), a
# respiratory-like 0.25 Hz tone and noise.
python3 - "$data" <<'PY'
import os, sys
import numpy as np
path = os.path.join(sys.argv[1], "ridges.csv")
if not os.path.exists(path):
    rate, seconds = 40.0, 1800
    n = int(rate * seconds)
    t = np.arange(n) / rate
    rng = np.random.default_rng(53)
    phase = 2 * np.pi * 1.1 * t + (0.1 * 60) * np.sin(2 * np.pi * t / 60)
    x = 100 + 3 * np.cos(phase) + 2 * np.cos(2 * np.pi * 0.25 * t) + rng.standard_normal(n)
    with open(path, "w") as out:
        out.write("time,flux\n")
        np.savetxt(out, np.column_stack([t, x]), fmt="%.6g", delimiter=",")
PY
input="$data/ridges.csv"

octave_script() { # name body: writes $data/NAME.m, MODA on the input in Octave with the shims of Tests/Fixtures/moda
    cat >"$data/$1.m" <<OCT
moda = getenv('MODA_DIR');
addpath(fullfile(moda, 'allguis', 'guis', 'tfa', 'Functions'));
addpath(fullfile(moda, 'allguis', 'guis', 'filtering', 'Functions'));
addpath(fullfile('$here', 'Tests', 'Fixtures', 'moda', 'octave-shims'));
addpath(moda_for_octave(moda));
d = dlmread('$input', ',', 1, 0); x = d(:, 2)'; fs = 40;
$2
OCT
}

compare() { # label-ldf label-moda name 'ldf arguments' 'MODA body': one timed run each, then PAIRS interleaved pairs
    local ldf_command="$ldf $4"
    # shellcheck disable=SC2086
    timed "$1" $ldf_command
    have_octave || return 0
    octave_script "$3" "$5"
    timed "$2" octave-cli "$data/$3.m"
    if [ "$pairs" -gt 0 ]; then
        echo "   $pairs interleaved pairs, A = ldf, B = MODA in Octave (benchmarks/ab.sh):"
        benchmarks/ab.sh "$pairs" "$ldf_command" "octave-cli $data/$3.m"
    fi
}

if [[ "$what" == all || "$what" == ridges-wt ]]; then
    compare "ldf ridges, wavelet, 0.6-2 Hz" "MODA ridge_extraction (wt), Octave" ridges-wt \
        "ridges $input --band 0.6-2 --format csv" \
        "[W, f, o] = wt(x, fs, 'fmin', 0.6, 'fmax', 2, 'CutEdges', 'off', 'Preprocess', 'on', 'Wavelet', 'Morlet', 'Display', 'off'); s = ecurve(W, f, o, 'Display', 'off'); [a, p, q] = rectfr(s, W, f, o, 'direct');"
fi
if [[ "$what" == all || "$what" == ridges-wft ]]; then
    compare "ldf ridges, wft, 0.6-2 Hz" "MODA ridge_extraction (wft), Octave" ridges-wft \
        "ridges $input --band 0.6-2 --transform wft --format csv" \
        "[W, f, o] = wft(x, fs, 'fmin', 0.6, 'fmax', 2, 'CutEdges', 'off', 'Preprocess', 'on', 'Window', 'Gaussian', 'Display', 'off'); s = ecurve(W, f, o, 'Display', 'off'); [a, p, q] = rectfr(s, W, f, o, 'direct');"
fi
if [[ "$what" == all || "$what" == wft ]]; then
    compare "ldf bands --transform wft, 0.6-2 Hz" "MODA wft.m + time average, Octave" wft \
        "bands $input --transform wft --bands cardiac:0.6-2 --format csv" \
        "W = wft(x, fs, 'fmin', 0.6, 'fmax', 2, 'CutEdges', 'on', 'Display', 'off'); m = nanmean(abs(W), 2);"
fi
