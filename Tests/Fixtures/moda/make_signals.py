"""Writes the seeded test signals of this folder (see README.md); NumPy only.

    python3 Tests/Fixtures/moda/make_signals.py

bispectrum-pair.csv: 180 s at 10 Hz. x has tones at 0.15 and 0.4 Hz whose phases wander, and a
tone at 0.55 Hz whose phase is their sum plus 0.7 rad (quadratic phase coupling, biphase -0.7);
y has its own wandering 0.3 Hz tone and a 0.45 Hz tone phase-coupled to x's 0.15 Hz tone and its
own 0.3 Hz tone (cross-bispectrum 122 at (0.15, 0.3)), plus independent noise in each.

coupled-oscillators.csv: 600 s at 10 Hz of two noisy phase oscillators integrated by
Euler-Maruyama at 1 kHz: dphi1/dt = 2 pi 0.25 + xi1, dphi2/dt = 2 pi 1.1 + 0.8 sin(phi1) + xi2
(white noise of intensity 0.05 rad^2/s each): the first drives the second, not back. Columns:
the observed signals cos(phi) + 0.05 noise, and the true phases.
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


def coupled_oscillators():
    rate, seconds, substeps = 10.0, 600.0, 100
    dt = 1 / (rate * substeps)
    n = int(rate * seconds)
    rng = np.random.default_rng(23)
    phi1, phi2 = 0.3, 2.0
    noise = np.sqrt(0.05 * dt)
    rows = []
    for k in range(n):
        rows.append((k / rate, phi1, phi2))
        kicks = rng.standard_normal((substeps, 2)) * noise
        for s in range(substeps):
            d1 = 2 * np.pi * 0.25
            d2 = 2 * np.pi * 1.1 + 0.8 * np.sin(phi1)
            phi1 += d1 * dt + kicks[s, 0]
            phi2 += d2 * dt + kicks[s, 1]
    measurement = rng.standard_normal((n, 2)) * 0.05
    with open(os.path.join(HERE, "coupled-oscillators.csv"), "w") as out:
        out.write("time_s,x1,x2,phase1,phase2\n")
        for (t, p1, p2), (e1, e2) in zip(rows, measurement):
            out.write(f"{t:.1f},{np.cos(p1) + e1:.12g},{np.cos(p2) + e2:.12g},{p1:.12g},{p2:.12g}\n")


if __name__ == "__main__":
    bispectrum_pair()
    coupled_oscillators()
