"""NumPy implementations of the toolkit's seeded generator and surrogate algorithms, written
independently of the Swift code: the reference `generate.py` makes surrogates.json and
permutations.json with, and `benchmarks/surrogates.sh` times the Swift IAAFT against.

- Xoshiro256StarStar: SeededRandom (xoshiro256** seeded by SplitMix64); `stream` derives
  surrogate k's generator as seed + 0x9E3779B97F4A7C15 * (k + 1); `index_below` is Lemire's
  multiply-high.
- Fisher-Yates shuffle, FT phase randomisation, rank ordering, and IAAFT (Schreiber & Schmitz
  1996) stopping when the rank order no longer changes (MODA's rule).
"""
import numpy as np

MASK64 = (1 << 64) - 1


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


class SurrogateRandom(Xoshiro256StarStar):
    """The generator's uniform() and gaussian() (Marsaglia polar method, spare kept)."""

    def __init__(self, seed):
        super().__init__(seed)
        self.spare = None

    def uniform(self):
        return (self.next() >> 11) * 2.0 ** -53

    def gaussian(self):
        if self.spare is not None:
            value, self.spare = self.spare, None
            return value
        while True:
            u = 2 * self.uniform() - 1
            v = 2 * self.uniform() - 1
            s = u * u + v * v
            if 0 < s < 1:
                f = np.sqrt(-2 * np.log(s) / s)
                self.spare = v * f
                return u * f


def shuffled(values, rng):
    values = list(values)
    for i in range(len(values) - 1, 0, -1):
        j = rng.index_below(i + 1)
        values[i], values[j] = values[j], values[i]
    return np.array(values)


def phase_randomised(spectrum, n, rng):
    out = spectrum.copy()
    last = n // 2 - 1 if n % 2 == 0 else n // 2
    for k in range(1, last + 1):
        out[k] = spectrum[k] * np.exp(1j * 2 * np.pi * rng.uniform())
    return np.fft.irfft(out, n)


def ranked(values, series):
    order = np.argsort(series, kind="stable")
    result = np.empty(len(values))
    result[order] = np.sort(values, kind="stable")
    return result


def iaaft(x, rng, max_iterations=1000):
    n = len(x)
    target = np.abs(np.fft.rfft(x))
    sorted_values = np.sort(x, kind="stable")
    current = shuffled(x, rng)
    order = np.argsort(current, kind="stable")
    for iteration in range(1, max_iterations + 1):
        s = np.fft.rfft(current)
        length = np.abs(s)
        s = np.where(length > 0, s * target / np.where(length > 0, length, 1), target)
        adjusted = np.fft.irfft(s, n)
        new_order = np.argsort(adjusted, kind="stable")
        if np.array_equal(new_order, order):
            return current, adjusted, iteration, True
        order = new_order
        current = np.empty(n)
        current[order] = sorted_values
    return current, adjusted, max_iterations, False
