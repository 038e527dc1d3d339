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
"""
import json
import os
import sys
import types

import numpy as np

# PyMODAlib 0.11.3b1 predates NumPy 1.24 and SciPy 1.8: restore the names it imports.
np.complex = complex
np.int = int
np.NaN = np.nan
_lsqr = types.ModuleType("scipy.sparse.linalg.isolve.lsqr")
_lsqr.eps = np.finfo(np.float64).eps
_isolve = types.ModuleType("scipy.sparse.linalg.isolve")
_isolve.lsqr = _lsqr
sys.modules["scipy.sparse.linalg.isolve"] = _isolve
sys.modules["scipy.sparse.linalg.isolve.lsqr"] = _lsqr
for _name in ("scheduler", "scheduler.Scheduler"):  # used only by harmonic finding
    _mod = types.ModuleType(_name)
    _mod.Scheduler = object
    sys.modules[_name] = _mod

import pymodalib  # noqa: E402
from pymodalib.algorithms.coherence import tlphcoh, wphcoh  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "pymodalib"))
from test_signal import test_signal  # noqa: E402

RATE, DURATION, SHIFT = 10.0, 600.0, 4  # second signal leads by SHIFT samples (0.4 s)
FMIN, FMAX = 0.02, 2.0
LOCAL_HZ = [0.1, 0.3, 1.1, 0.5]  # time-localised coherence at the grid frequencies nearest these
MASK64 = (1 << 64) - 1


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


class Xoshiro256StarStar:
    """The toolkit's SeededRandom (Sources/LDFCore/SeededRandom.swift), written independently."""

    def __init__(self, seed):
        state = seed & MASK64
        words = []
        for _ in range(4):
            state = (state + 0x9E3779B97F4A7C15) & MASK64
            z = state
            z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
            z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
            words.append(z ^ (z >> 31))
        self.s = words

    @staticmethod
    def _rotl(x, k):
        return ((x << k) | (x >> (64 - k))) & MASK64

    def next(self):
        s0, s1, s2, s3 = self.s
        result = (self._rotl((s1 * 5) & MASK64, 7) * 9) & MASK64
        t = (s1 << 17) & MASK64
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = self._rotl(s3, 45)
        self.s = [s0, s1, s2, s3]
        return result

    def index_below(self, n):
        return (self.next() * n) >> 64  # multiply-high (Lemire, no rejection)


def stream(seed, k):
    return Xoshiro256StarStar((seed + 0x9E3779B97F4A7C15 * (k + 1)) & MASK64)


def permutation(seed, k, n):
    values = list(range(n))
    rng = stream(seed, k)
    for i in range(n - 1, 0, -1):
        j = rng.index_below(i + 1)
        values[i], values[j] = values[j], values[i]
    return values


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
    coherence_fixture()
