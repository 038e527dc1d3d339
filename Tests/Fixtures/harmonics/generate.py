"""Runs PyMODAlib's harmonic finder on a seeded signal with a known harmonic (see README.md).

    .venv/pymodalib/bin/python Tests/Fixtures/harmonics/generate.py [--benchmark SECONDS RATE OUT.csv]

Writes signal.csv (the input, every sample as Python's repr) and reference.json (PyMODAlib's
frequencies, raw harmonics `res`, surrogate ranks `pos1`, capped SD units `pos2`, and the
timing). With --benchmark it instead writes a signal of the same recipe (SECONDS at RATE Hz) to
OUT.csv, times PyMODAlib on it and prints the seconds (used by benchmarks/harmonics.sh).
"""
import json
import math
import os
import sys
import time
import types
import warnings

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "pymodalib"))
import pymodalib_compat  # noqa: E402,F401  (before pymodalib)


class SequentialScheduler:
    """Stand-in for the `scheduler` package PyMODAlib imports (not on PyPI under that API): runs
    the queued calls one after another in this process and returns their results in order."""

    def __init__(self, shared_memory=False):
        self.calls = []

    def add(self, target, args):
        self.calls.append((target, args))

    def run_blocking(self):
        return [target(*args) for target, args in self.calls]


sys.modules["scheduler.Scheduler"].Scheduler = SequentialScheduler
from pymodalib.implementations.python.harmonics import harmonics as impl  # noqa: E402

FMIN, FMAX = 0.06, 0.6          # Hz; scales 1/FMAX ... 1/FMIN
SIGMA, TIME_RES, SURROGATES = 1.05, 0.1, 10   # PyMODAlib's defaults
DURATION, RATE, SEED = 300, 20.0, 17


def test_signal(duration, rate, seed):
    """100 + a 0.1 Hz oscillation whose frequency wanders (+-5 %, 0.01 Hz modulation) with its
    second harmonic locked to it (phase 2 phi), an unrelated 0.37 Hz oscillation with its own
    wander (0.0071 Hz), and Gaussian noise (NumPy's default_rng(seed))."""
    t = np.arange(int(round(duration * rate))) / rate
    phi = 2 * math.pi * 0.1 * t + (0.05 * 0.1 / 0.01) * np.sin(2 * math.pi * 0.01 * t)
    psi = 2 * math.pi * 0.37 * t + (0.05 * 0.37 / 0.0071) * np.sin(2 * math.pi * 0.0071 * t + 1.0)
    noise = np.random.default_rng(seed).standard_normal(t.size)
    return t, 100 + 6 * np.sin(phi) + 3 * np.sin(2 * phi + 0.7) + 4 * np.sin(psi) + 1.5 * noise


def write_csv(path, t, signal):
    with open(path, "w") as out:
        out.write("time [s],flux [PU]\n")
        for a, b in zip(t, signal):
            out.write(f"{a!r},{b!r}\n")


def run(signal, rate, surrogates):
    np.random.seed(SEED)  # the AAFT surrogates draw from NumPy's global generator
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        started = time.time()
        freq, res, pos1, pos2 = impl.harmonicfinder_impl_python(
            signal, rate, 1 / FMAX, 1 / FMIN, SIGMA, TIME_RES, surrogates, True, True)
        return freq, res, pos1, pos2, time.time() - started


def main():
    if len(sys.argv) == 5 and sys.argv[1] == "--benchmark":
        t, signal = test_signal(float(sys.argv[2]), float(sys.argv[3]), SEED)
        write_csv(sys.argv[4], t, signal)
        sys.stdout = open(os.devnull, "w")  # PyMODAlib prints per chunk
        seconds = run(signal, float(sys.argv[3]), SURROGATES)[4]
        sys.stdout = sys.__stdout__
        print(f"{seconds:.2f}")
        return
    here = os.path.dirname(os.path.abspath(__file__))
    t, signal = test_signal(DURATION, RATE, SEED)
    write_csv(os.path.join(here, "signal.csv"), t, signal)
    signal = np.array([float(line.split(",")[1]) for line in open(os.path.join(here, "signal.csv")).read().splitlines()[1:]])
    freq, res, pos1, pos2, seconds = run(signal, RATE, SURROGATES)

    def matrix(m):
        return [[None if not np.isfinite(v) else float(v) for v in row] for row in np.asarray(m, dtype=np.float64)]

    record = {
        "durationSeconds": DURATION, "rateHz": RATE, "seed": SEED, "fminHz": FMIN, "fmaxHz": FMAX,
        "scaleMin": 1 / FMAX, "scaleMax": 1 / FMIN, "sigma": SIGMA, "timeResolution": TIME_RES,
        "surrogates": SURROGATES, "bins": 24, "pymodalibSeconds": round(seconds, 2),
        "frequenciesHz": [float(f) for f in freq],
        "res": matrix(res), "pos1": matrix(pos1), "pos2": matrix(pos2),
    }
    with open(os.path.join(here, "reference.json"), "w") as out:
        json.dump(record, out)
    print(f"{len(freq)} frequencies, {seconds:.1f} s")


if __name__ == "__main__":
    main()
