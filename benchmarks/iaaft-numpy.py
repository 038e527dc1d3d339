#!/usr/bin/env python3
"""The NumPy reference IAAFT of the coherence fixtures (Tests/Fixtures/coherence/numpy_surrogates.py)
on the flux column of a CSV recording: surrogates k = 0 ..< N with the toolkit's stream derivation
(seed + 0x9E3779B97F4A7C15 * (k + 1)), as `ldf bands FILE --surrogates N --seed SEED` makes them.
Prints the iterations of each surrogate, their mean and how many hit the cap (to check both made the
same surrogates), and the CPU seconds of the IAAFT loop alone (as benchmarks/Sources/ldf-bench-iaaft does).

Usage: benchmarks/iaaft-numpy.py FILE.csv N [SEED, default 1] [MAX_ITERATIONS, default 1000]
"""
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Fixtures", "coherence"))
from numpy_surrogates import MASK64, SurrogateRandom, iaaft  # noqa: E402

path, count = sys.argv[1], int(sys.argv[2])
seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
cap = int(sys.argv[4]) if len(sys.argv) > 4 else 1000
x = np.loadtxt(path, delimiter=",", skiprows=1, usecols=1)
iterations, unconverged = [], 0
start = time.process_time()
for k in range(count):
    rng = SurrogateRandom((seed + 0x9E3779B97F4A7C15 * (k + 1)) & MASK64)
    _, _, used, converged = iaaft(x, rng, cap)
    iterations.append(used)
    unconverged += not converged
seconds = time.process_time() - start
print("iterations " + " ".join(map(str, iterations)))
print(f"iaaft_mean_iterations {np.mean(iterations):.6g} unconverged {unconverged}")
print(f"iaaft_cpu_seconds {seconds:.3f}")
