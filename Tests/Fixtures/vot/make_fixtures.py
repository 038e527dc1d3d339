"""Writes linregress.json (see README.md): python3 make_fixtures.py

A noisy VOT curve with a curved fall, and the read-outs' regression lines computed independently:
the window rules of docs/METHODS.md §22.3 re-implemented here with numpy, the lines by
scipy.stats.linregress.
"""
import json
import math

import numpy as np
from scipy import stats

RATE = 5.0
START, RELEASE = 120.0, 300.0
BASELINE_WINDOW, REOXYGENATION_WINDOW, SMOOTHING = 60.0, 10.0, 2.0


def curve(t):
    if t < START:
        return 72.0
    if t < RELEASE:
        return 72.0 - 34.0 * (1.0 - math.exp(-(t - START) / 110.0))
    low = curve(RELEASE - 1e-9)
    return 78.0 - (78.0 - low) * math.exp(-(t - RELEASE) / 9.0)


def index(t):
    return min(N, max(0, math.ceil(t * RATE)))


def moving_mean(x, half):
    out = np.empty_like(x)
    for i in range(len(x)):
        lo, hi = max(0, i - half), min(len(x), i + half + 1)
        out[i] = x[lo:hi].mean()
    return out


def line(indices, x):
    fit = stats.linregress(indices / RATE, x[indices])
    return {"slope": fit.slope, "intercept": fit.intercept, "r_squared": fit.rvalue ** 2, "count": len(indices),
            "start_s": indices[0] / RATE, "end_s": indices[-1] / RATE}


rng = np.random.default_rng(2026)
N = int(420 * RATE)
values = np.round(np.array([curve(i / RATE) for i in range(N)]) + 0.7 * rng.standard_normal(N), 4)
smoothed = moving_mean(values, max(0, math.floor(SMOOTHING * RATE / 2 + 0.5)))

baseline = values[index(max(0.0, START - BASELINE_WINDOW)):index(START)].mean()
occlusion = np.arange(index(START), index(RELEASE))
low = occlusion[np.argmin(smoothed[occlusion])]
fall = baseline - smoothed[low]
upper, lower = baseline - 0.1 * fall, baseline - 0.9 * fall
end = low
while end > occlusion[0] and not smoothed[end] >= lower:
    end -= 1
begin = end
while begin > occlusion[0] and not smoothed[begin - 1] >= upper:
    begin -= 1
desaturation = line(np.arange(begin, end + 1), values)
reoxygenation = line(np.arange(index(RELEASE), index(RELEASE + REOXYGENATION_WINDOW + 0.5 / RATE)), values)

with open("linregress.json", "w") as f:
    json.dump({"rate_hz": RATE, "start_s": START, "release_s": RELEASE, "values": values.tolist(),
               "baseline": baseline, "desaturation": desaturation, "reoxygenation": reoxygenation,
               "scipy_version": __import__("scipy").__version__}, f, indent=1)
