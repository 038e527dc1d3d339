#!/usr/bin/env python3
"""Writes the synthetic 40 Hz recordings the `ldf bands` benchmarks use (spectral.sh, limit.sh):
30min-40Hz.csv (72,000 samples, about 1.5 MB) and 24h-40Hz.csv (3,456,000 samples, about 70 MB),
six frequency-modulated tones from 0.007 to 1.1 Hz over a slow trend plus seeded noise. A file
that exists is kept.

Usage: benchmarks/make-bands-inputs.py FOLDER
"""
import os, sys
import numpy as np
folder = sys.argv[1]
rate = 40.0
for name, seconds in (("30min-40Hz.csv", 1800), ("24h-40Hz.csv", 86400)):
    path = os.path.join(folder, name)
    if os.path.exists(path):
        continue
    rng = np.random.default_rng(1)
    t = np.arange(int(seconds * rate)) / rate
    x = 100 + 0.0001 * t
    for f, a in ((0.007, 3), (0.015, 4), (0.035, 5), (0.1, 6), (0.3, 4), (1.1, 8)):
        x += a * np.sin(2 * np.pi * f * t + 25 * f * np.sin(2 * np.pi * 0.002 * t))
    x += 2 * rng.standard_normal(t.size)
    with open(path, "w") as out:
        out.write("time,flux\n")
        np.savetxt(out, np.column_stack([t, x]), fmt=("%.3f", "%.4f"), delimiter=",")
    print(f"wrote {path} ({t.size} samples)")
