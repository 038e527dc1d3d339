"""Group coherence reference values from PyMODAlib (see README.md).

    .venv/pymodalib/bin/python Tests/Fixtures/group-coherence/generate.py

Writes signals.csv (five subjects' pairs, 300 s at 10 Hz; NumPy's seeded generator) and
group-coherence.json: PyMODAlib 0.11.3b1's `wphcoh` of every pair A_i, B_j (its wavelet
transforms), and from them the residual coherence by the procedure PyMODAlib's
`group_coherence` documents: C_ii minus the 95th percentile (np.nanpercentile) of the subject's
inter-subject surrogates C_ij, C_ji (j != i), NaN thresholds as 0, clipped at 0.

PyMODAlib's own `group_coherence` is not the reference: in 0.11.3b1 it never stores the first
subject's transforms and its chunking drops subjects at chunk edges, so on this input it returns
zero residual coherence everywhere (`pymodalibGroupCoherenceMax` records it).
"""
import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "pymodalib"))
import pymodalib_compat  # noqa: E402,F401  (before pymodalib)

import pymodalib  # noqa: E402
from pymodalib.algorithms.coherence import wphcoh  # noqa: E402
from pymodalib.algorithms.group_coherence import group_coherence  # noqa: E402

RATE, SECONDS, SUBJECTS = 10.0, 300.0, 5
OPTIONS = dict(fmin=0.05, fmax=2.0, resolution=1, wavelet="Morlet", preprocess=True, padding="predictive", cut_edges=True)


def signals():
    rng = np.random.default_rng(31)
    n = int(RATE * SECONDS)
    t = np.arange(n) / RATE
    a, b = [], []
    for s in range(SUBJECTS):
        phase = rng.uniform(0, 2 * np.pi) + np.cumsum(0.03 * rng.standard_normal(n))
        shared = np.cos(2 * np.pi * 0.1 * t + phase)  # each subject's own 0.1 Hz rhythm, in both signals
        a.append(shared + 0.8 * rng.standard_normal(n))
        b.append(0.7 * np.roll(shared, 3) + 0.8 * rng.standard_normal(n))
    return np.array(a), np.array(b)


def main():
    a, b = signals()
    with open(os.path.join(HERE, "signals.csv"), "w") as out:
        out.write("time_s," + ",".join(f"a{s},b{s}" for s in range(SUBJECTS)) + "\n")
        for k in range(a.shape[1]):
            out.write(f"{k / RATE:.1f}," + ",".join(f"{a[s, k]:.12g},{b[s, k]:.12g}" for s in range(SUBJECTS)) + "\n")
    freq, broken = group_coherence(a, b, RATE, 95, True, **OPTIONS)
    transforms = [[pymodalib.wavelet_transform(x, RATE, **OPTIONS)[0].astype(np.complex128) for x in sig] for sig in (a, b)]
    pairwise = [[[None if np.isnan(v) else float("%.9g" % v) for v in np.ravel(wphcoh(transforms[0][i], transforms[1][j])[0])]
                 for j in range(SUBJECTS)] for i in range(SUBJECTS)]
    matrix = np.array([[np.ravel(wphcoh(transforms[0][i], transforms[1][j])[0]) for j in range(SUBJECTS)] for i in range(SUBJECTS)])
    residual = []
    for i in range(SUBJECTS):
        surrogates = [matrix[i, j] for j in range(SUBJECTS) if j != i] + [matrix[j, i] for j in range(SUBJECTS) if j != i]
        threshold = np.nanpercentile(np.array(surrogates), 95, axis=0)
        threshold[np.isnan(threshold)] = 0
        residual.append(np.maximum(matrix[i, i] - threshold, 0))
    record = {"rateHz": RATE, "pymodalibGroupCoherenceMax": float(np.nanmax(broken)), "seconds": SECONDS, "subjects": SUBJECTS, "percentile": 95, **{k: v for k, v in OPTIONS.items()},
              "frequenciesHz": [float(f) for f in np.ravel(freq)],
              "residual": [[None if np.isnan(v) else float("%.9g" % v) for v in row] for row in residual],
              "pairwise": pairwise}
    with open(os.path.join(HERE, "group-coherence.json"), "w") as out:
        json.dump(record, out, separators=(",", ":"))
    print(f"{len(np.ravel(freq))} frequencies, {SUBJECTS} subjects")


if __name__ == "__main__":
    main()
