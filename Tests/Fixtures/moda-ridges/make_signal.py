"""Writes ridge-signal.csv, the seeded test signal of this folder (see README.md); NumPy only.

    python3 Tests/Fixtures/moda-ridges/make_signal.py

200 s at 20 Hz (4000 samples): a frequency- and amplitude-modulated tone
    (1 + 0.3 sin(2 pi t / 50)) cos(2 pi t + 7.5 sin(2 pi 0.02 t))
whose instantaneous frequency is 1 + 0.15 cos(2 pi 0.02 t) Hz, a steady tone 0.6 cos(2 pi 0.25 t + 1),
and white noise of standard deviation 0.2 (seed 29). Columns: time (s), signal, the true
instantaneous frequency (Hz) and amplitude of the modulated tone.
"""
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))

rate, seconds = 20.0, 200.0
n = int(rate * seconds)
rng = np.random.default_rng(29)
t = np.arange(n) / rate
amplitude = 1 + 0.3 * np.sin(2 * np.pi * t / 50)
frequency = 1 + 0.15 * np.cos(2 * np.pi * 0.02 * t)
x = amplitude * np.cos(2 * np.pi * t + 7.5 * np.sin(2 * np.pi * 0.02 * t)) \
    + 0.6 * np.cos(2 * np.pi * 0.25 * t + 1) + 0.2 * rng.standard_normal(n)
with open(os.path.join(HERE, "ridge-signal.csv"), "w") as out:
    out.write("time_s,signal,true_frequency_hz,true_amplitude\n")
    for row in zip(t, x, frequency, amplitude):
        out.write("%.2f,%.12g,%.12g,%.12g\n" % row)
