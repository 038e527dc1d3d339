"""Regenerates the PyMODAlib reference spectra in this folder (see README.md).

Run with the interpreter of the venv that scripts/setup-pymodalib.sh creates:
    .venv/pymodalib/bin/python Tests/Fixtures/pymodalib/generate.py
"""
import json
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pymodalib_compat  # noqa: E402,F401  (before pymodalib)

import pymodalib  # noqa: E402
from test_signal import test_signal  # noqa: E402

CASES = [  # (name, duration s, rate Hz, seed, PyMODAlib wavelet)
    ("30min-32Hz", 1800, 32.0, 11, "Morlet"),
    ("30min-40Hz", 1800, 40.0, 12, "Morlet"),
    ("2h-32Hz", 7200, 32.0, 13, "Morlet"),
    ("2h-40Hz", 7200, 40.0, 14, "Morlet"),
    ("30min-40Hz-lognorm", 1800, 40.0, 15, "Lognorm"),
]
FMIN, FMAX = 0.005, 2.0


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    only = set(sys.argv[1:])
    for name, duration, rate, seed, wavelet in CASES:
        if only and name not in only:
            continue
        signal = test_signal(duration, rate, seed)
        started = time.time()
        wt, freq, opt = pymodalib.wavelet_transform(
            signal, rate, fmin=FMIN, fmax=FMAX, resolution=1, wavelet=wavelet,
            preprocess=True, padding="predictive", cut_edges=True, return_opt=True)
        seconds = time.time() - started
        magnitude = np.abs(wt).astype(np.float64)
        valid = np.sum(~np.isnan(magnitude), axis=1)
        with np.errstate(invalid="ignore"):
            amplitude = np.nanmean(magnitude, axis=1)
            power = np.nanmean(magnitude ** 2, axis=1)
        record = {
            "case": name, "durationSeconds": duration, "rateHz": rate, "seed": seed,
            "fminHz": FMIN, "fmaxHz": FMAX, "wavelet": wavelet, "f0": 1,
            "preprocess": True, "padding": "predictive", "cutEdges": True,
            "voices": int(opt["nv"]), "padLeft": int(opt["n1"]), "padRight": int(opt["n2"]),
            "pymodalibSeconds": round(seconds, 2),
            "frequenciesHz": [float(f) for f in np.ravel(freq)],
            "validCount": [int(v) for v in valid],
            "amplitude": [None if np.isnan(a) else float("%.9g" % a) for a in amplitude],
            "power": [None if np.isnan(p) else float("%.9g" % p) for p in power],
        }
        with open(os.path.join(here, f"{name}.json"), "w") as out:
            json.dump(record, out, indent=0)
        print(f"{name}: {len(freq)} frequencies, nv {opt['nv']}, pads {opt['n1']}/{opt['n2']}, {seconds:.1f} s")


if __name__ == "__main__":
    main()
