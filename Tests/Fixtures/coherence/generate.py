"""Regenerates the coherence reference values in this folder (see README.md).

Run with the interpreter of the PyMODAlib venv (scripts/setup-pymodalib.sh makes .venv/pymodalib):
    .venv/pymodalib/bin/python Tests/Fixtures/coherence/generate.py

1. pair-600s-10Hz.json: PyMODAlib's Morlet wavelet transforms of a signal pair, its time-averaged
   phase coherence and mean phase difference (`wphcoh`) and its time-localised coherence
   (`tlphcoh`, 10 cycles) at a few frequencies.
2. permutations.json: random-permutation surrogates of 0..N-1 from an independent Python
   implementation of the toolkit's seeded generator (xoshiro256** seeded by SplitMix64), stream
   derivation and Fisher-Yates shuffle, so the Swift surrogates are checked to be the same on
   every machine and run.
3. surrogates.json: FT, AAFT, IAAFT1, IAAFT2 and time-shift surrogates of a formula signal made
   by NumPy implementations of the algorithms fed by that same generator, so the Swift
   surrogates are checked against an independent implementation number for number.
"""
import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "pymodalib"))
import pymodalib_compat  # noqa: E402,F401  (before pymodalib)

import pymodalib  # noqa: E402
from pymodalib.algorithms.coherence import tlphcoh, wphcoh  # noqa: E402
from test_signal import test_signal  # noqa: E402
from numpy_surrogates import MASK64, SurrogateRandom, iaaft, permutation, phase_randomised, ranked  # noqa: E402

RATE, DURATION, SHIFT = 10.0, 600.0, 4  # second signal leads by SHIFT samples (0.4 s)
FMIN, FMAX = 0.02, 2.0
LOCAL_HZ = [0.1, 0.3, 1.1, 0.5]  # time-localised coherence at the grid frequencies nearest these


def pair():
    first = test_signal(DURATION, RATE, 21)
    second = test_signal(DURATION + SHIFT / RATE, RATE, 22)[SHIFT:]
    return first, second


def coherence_fixture():
    first, second = pair()
    common = dict(fmin=FMIN, fmax=FMAX, resolution=1, wavelet="Morlet", preprocess=True,
                  padding="predictive", cut_edges=True)
    wt1, freq = pymodalib.wavelet_transform(first, RATE, **common)
    wt2, _ = pymodalib.wavelet_transform(second, RATE, **common)
    wt1 = wt1.astype(np.complex128)
    wt2 = wt2.astype(np.complex128)
    coherence, phase = wphcoh(wt1, wt2)
    local = tlphcoh(wt1, wt2, np.ravel(freq), RATE, 10)
    freq = np.ravel(freq)
    picks = sorted({int(np.argmin(np.abs(freq - f))) for f in LOCAL_HZ})
    rows = []
    for k in picks:
        values = np.abs(local[k])
        rows.append({
            "frequencyIndex": k,
            "frequencyHz": float(freq[k]),
            "coherence": [None if np.isnan(v) else float("%.6g" % v) for v in values],
        })
    record = {
        "durationSeconds": DURATION, "rateHz": RATE, "firstSeed": 21, "secondSeed": 22, "shiftSamples": SHIFT,
        "fminHz": FMIN, "fmaxHz": FMAX, "wavelet": "Morlet", "f0": 1, "preprocess": True,
        "padding": "predictive", "cutEdges": True, "windowCycles": 10,
        "frequenciesHz": [float(f) for f in freq],
        "coherence": [None if np.isnan(c) else float("%.9g" % c) for c in np.ravel(coherence)],
        "phaseDifference": [None if np.isnan(p) else float("%.9g" % p) for p in np.ravel(phase)],
        "timeLocalised": rows,
    }
    with open(os.path.join(HERE, "pair-600s-10Hz.json"), "w") as out:
        json.dump(record, out, indent=0)
    print(f"pair-600s-10Hz: {len(freq)} frequencies; time-localised at {[round(freq[k], 4) for k in picks]} Hz")


def formula_signal(n):
    k = np.arange(n)
    return np.sin(0.3 * k) + 0.5 * np.sin(0.05 * k ** 1.3) + 0.2 * np.cos(1.7 * k + 0.01 * k * k)


def surrogate_fixture():
    cases = []
    for n in (256, 255):
        x = formula_signal(n)
        for kind in ("ft", "aaft", "iaaft1", "iaaft2", "tshift"):
            rng = SurrogateRandom((11 + 0x9E3779B97F4A7C15 * 1) & MASK64)  # seed 11, stream 0
            record = {"count": n, "kind": kind, "seed": 11, "stream": 0}
            if kind == "ft":
                values = phase_randomised(np.fft.rfft(x), n, rng)
            elif kind == "aaft":
                g = np.sort([rng.gaussian() for _ in range(n)])
                reordered = np.empty(n)
                reordered[np.argsort(x, kind="stable")] = g
                values = ranked(x, phase_randomised(np.fft.rfft(reordered), n, rng))
            elif kind == "tshift":
                lag = 1 + rng.index_below(n - 1)
                values = np.roll(x, -lag)
            else:
                current, adjusted, iterations, converged = iaaft(x, rng)
                values = current if kind == "iaaft1" else adjusted
                record["iterations"] = iterations
                record["converged"] = converged
            record["values"] = [float(v) for v in values]
            cases.append(record)
    with open(os.path.join(HERE, "surrogates.json"), "w") as out:
        json.dump({"signal": "sin(0.3 k) + 0.5 sin(0.05 k^1.3) + 0.2 cos(1.7 k + 0.01 k^2)", "cases": cases}, out, indent=0)
    print(f"surrogates: {len(cases)} cases")


def permutation_fixture():
    cases = []
    for seed, n in ((7, 20), (20260421, 50)):
        for k in range(3):
            cases.append({"seed": seed, "stream": k, "count": n, "values": permutation(seed, k, n)})
    with open(os.path.join(HERE, "permutations.json"), "w") as out:
        json.dump({"cases": cases}, out, indent=0)
    print(f"permutations: {len(cases)} cases")


if __name__ == "__main__":
    permutation_fixture()
    surrogate_fixture()
    coherence_fixture()
