"""Writes the seeded test signals of this folder (see README.md); NumPy only.

    python3 Tests/Fixtures/moda/make_signals.py

bispectrum-pair.csv: 180 s at 10 Hz. x has tones at 0.15 and 0.4 Hz whose phases wander, and a
tone at 0.55 Hz whose phase is their sum plus 0.7 rad (quadratic phase coupling, biphase -0.7);
y has its own wandering 0.3 Hz tone and a 0.45 Hz tone phase-coupled to x's 0.15 Hz tone and its
own 0.3 Hz tone (cross-bispectrum 122 at (0.15, 0.3)), plus independent noise in each.
"""
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def bispectrum_pair():
    rate, seconds = 10.0, 180.0
    n = int(rate * seconds)
    rng = np.random.default_rng(17)
    t = np.arange(n) / rate
    walk = lambda step: np.cumsum(step * rng.standard_normal(n))
    p1, p2, q = 0.3 + walk(0.05), 1.2 + walk(0.05), 2.0 + walk(0.05)
    x = np.cos(2 * np.pi * 0.15 * t + p1) + 0.8 * np.cos(2 * np.pi * 0.4 * t + p2) \
        + 0.6 * np.cos(2 * np.pi * 0.55 * t + p1 + p2 + 0.7) + 0.3 * rng.standard_normal(n)
    y = np.cos(2 * np.pi * 0.3 * t + q) + 0.7 * np.cos(2 * np.pi * 0.45 * t + p1 + q - 0.4) \
        + 0.3 * rng.standard_normal(n)
    with open(os.path.join(HERE, "bispectrum-pair.csv"), "w") as out:
        out.write("time_s,x,y\n")
        for k in range(n):
            out.write(f"{t[k]:.1f},{x[k]:.12g},{y[k]:.12g}\n")


if __name__ == "__main__":
    bispectrum_pair()
