"""The deterministic LDF-like test signal shared by the Swift tests and the PyMODAlib fixtures.

The Swift twin is Tests/LDFSpectralTests/AgreementSignal.swift: both must produce the same samples
(to rounding), so change them together.

x(t) = 100 + 0.002 t + sum_b A_b sin(2 pi f_b t + (0.05 f_b / m) sin(2 pi m t)) + 2 n(t)

with one frequency-modulated tone per stefanovska band (m = 0.002 Hz, +-5 % frequency swing) and
n(t) standard normal noise from SplitMix64 + Box-Muller (cosine branch only, one deviate per two
uniforms), seeded per recording.
"""
import math

import numpy as np

TONES = [  # (frequency Hz, amplitude)
    (0.007, 3.0), (0.015, 4.0), (0.035, 5.0), (0.10, 6.0), (0.30, 4.0), (1.10, 8.0),
]
MODULATION_HZ = 0.002
MASK64 = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed: int):
        self.state = seed & MASK64

    def next(self) -> int:
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK64
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
        return z ^ (z >> 31)

    def uniform(self) -> float:
        return (self.next() >> 11) * 2.0 ** -53

    def gaussian(self) -> float:
        u1 = self.uniform()
        u2 = self.uniform()
        return math.sqrt(-2.0 * math.log(1.0 - u1)) * math.cos(2.0 * math.pi * u2)


def test_signal(duration_s: float, rate_hz: float, seed: int) -> np.ndarray:
    count = int(round(duration_s * rate_hz))
    rng = SplitMix64(seed)
    noise = np.array([rng.gaussian() for _ in range(count)])
    t = np.arange(count) / rate_hz
    x = 100.0 + 0.002 * t
    for frequency, amplitude in TONES:
        index = 0.05 * frequency / MODULATION_HZ
        x = x + amplitude * np.sin(2 * np.pi * frequency * t + index * np.sin(2 * np.pi * MODULATION_HZ * t))
    return x + 2.0 * noise
