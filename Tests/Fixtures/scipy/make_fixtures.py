#!/usr/bin/env python3
"""Independent reference values for the band engineer's tests (Welch PSD, Hampel filter, band summaries).

Run from the repository root:  python3 Tests/Fixtures/scipy/make_fixtures.py
Needs numpy and scipy (scripts/install-scipy-reference.sh installs them). Writes
welch.json and hampel.json next to this script. Inputs are generated here with a seeded numpy
generator and stored in the fixtures, so the Swift tests read the exact same samples.
"""
import json
import os

import numpy as np
import scipy
import scipy.signal

HERE = os.path.dirname(os.path.abspath(__file__))


def welch_cases():
    rng = np.random.default_rng(20261121)
    cases = []
    for name, fs, n, nperseg, noverlap in [
        ("even_segments", 10.0, 1200, 256, 128),
        ("odd_segments", 8.0, 1000, 199, 99),
    ]:
        t = np.arange(n) / fs
        x = (3.0 + 1.5 * np.sin(2 * np.pi * 0.11 * t) + 0.7 * np.sin(2 * np.pi * 1.3 * t + 0.4)
             + 0.5 * rng.standard_normal(n))
        x = np.round(x, 6)  # short decimals keep the fixture small; the reference uses the same values
        f, p = scipy.signal.welch(x, fs=fs, window="hann", nperseg=nperseg, noverlap=noverlap,
                                  detrend="constant", return_onesided=True, scaling="density",
                                  average="mean")
        cases.append({"name": name, "sample_rate_hz": fs, "segment_length": nperseg,
                      "overlap_length": noverlap, "input": x.tolist(),
                      "frequencies_hz": f.tolist(), "density": p.tolist()})
    return cases


def hampel_reference(x, half_width, threshold, widen):
    """Straightforward Hampel: per-sample np.median over the shrinking centred window (NaN skipped)."""
    n = len(x)
    outliers = []
    for i in range(n):
        if not np.isfinite(x[i]):
            continue
        w = x[max(0, i - half_width): min(n, i + half_width + 1)]
        w = w[np.isfinite(w)]
        med = np.median(w)
        mad = np.median(np.abs(w - med))
        if abs(x[i] - med) > threshold * 1.4826 * mad:
            outliers.append(i)
    marked = np.zeros(n, dtype=bool)
    for i in outliers:
        for j in range(max(0, i - widen), min(n, i + widen + 1)):
            if np.isfinite(x[j]):
                marked[j] = True
    y = x.copy()
    replaced = []
    i = 0
    while i < n:
        if not marked[i]:
            i += 1
            continue
        end = i
        while end + 1 < n and marked[end + 1]:
            end += 1
        left = x[i - 1] if i > 0 and np.isfinite(x[i - 1]) else None
        right = x[end + 1] if end + 1 < n and np.isfinite(x[end + 1]) else None
        if left is not None or right is not None:
            for j in range(i, end + 1):
                if left is not None and right is not None:
                    t = (j - i + 1) / (end - i + 2)
                    y[j] = left + t * (right - left)
                else:
                    y[j] = left if left is not None else right
                replaced.append(j)
        i = end + 1
    return outliers, replaced, y


def hampel_case():
    rng = np.random.default_rng(7)
    fs, n = 10.0, 600
    t = np.arange(n) / fs
    x = 50 + 10 * np.sin(2 * np.pi * 0.05 * t) + rng.standard_normal(n)
    for i, size in [(40, 25.0), (41, 30.0), (200, -40.0), (355, 60.0), (590, 35.0)]:
        x[i] += size
    x = np.round(x, 6)
    x[300:310] = np.nan
    half_width = int(round(10.0 * fs / 2))  # a 10 s window
    outliers, replaced, y = hampel_reference(x, half_width, 5.0, 3)
    nan_to_none = lambda a: [None if not np.isfinite(v) else float(v) for v in a]
    return {"sample_rate_hz": fs, "window_seconds": 10.0, "threshold": 5.0, "widen_samples": 3,
            "input": nan_to_none(x), "outliers": outliers, "replaced": replaced, "output": nan_to_none(y)}


STEFANOVSKA = [("endothelial_no_independent", 0.005, 0.0095), ("endothelial", 0.0095, 0.021),
               ("neurogenic", 0.021, 0.052), ("myogenic", 0.052, 0.145), ("respiratory", 0.145, 0.6),
               ("cardiac", 0.6, 2.0)]


def band_summaries_from_pymodalib():
    """Band summaries (docs/METHODS.md section 5.1) of PyMODAlib's time-averaged spectrum of the 30 min,
    32 Hz agreement signal (Tests/Fixtures/pymodalib/30min-32Hz.json), computed with numpy."""
    path = os.path.join(HERE, "..", "pymodalib", "30min-32Hz.json")
    with open(path) as fh:
        ref = json.load(fh)
    f = np.array(ref["frequenciesHz"])
    amp = np.array([np.nan if v is None else v for v in ref["amplitude"]])
    pw = np.array([np.nan if v is None else v for v in ref["power"]])
    samples = int(round(ref["durationSeconds"] * ref["rateHz"]))
    valid_fraction = np.array(ref["validCount"]) / samples
    ok = np.isfinite(amp) & np.isfinite(pw)
    mean_amp, mean_pw, median_pw = amp[ok].mean(), pw[ok].mean(), np.median(pw[ok])
    bands = []
    for name, lo, hi in STEFANOVSKA:
        inside = (f >= lo) & (f < hi)
        use = inside & ok
        peak = np.flatnonzero(use)[np.argmax(amp[use])]
        counts = np.array(ref["validCount"])[use]  # in-cone coefficients per frequency
        bands.append({"name": name, "amplitude": amp[use].mean(), "power": pw[use].mean(),
                      "relative_amplitude": amp[use].mean() / mean_amp, "relative_power": pw[use].mean() / mean_pw,
                      "relative_power_median": np.median(pw[use]) / median_pw,
                      "valid_fraction": valid_fraction[inside].mean(), "peak_hz": f[peak], "peak_amplitude": amp[peak],
                      "pixel_amplitude": (amp[use] * counts).sum() / counts.sum(),
                      "pixel_power": (pw[use] * counts).sum() / counts.sum(),
                      "frequency_count": int(inside.sum())})
    return {"source": "Tests/Fixtures/pymodalib/30min-32Hz.json", "samples": samples, "bands": bands}


def main():
    meta = {"numpy": np.__version__, "scipy": scipy.__version__}
    with open(os.path.join(HERE, "welch.json"), "w") as fh:
        json.dump({"generator": meta, "cases": welch_cases()}, fh)
    with open(os.path.join(HERE, "hampel.json"), "w") as fh:
        json.dump({"generator": meta, **hampel_case()}, fh)
    with open(os.path.join(HERE, "bands-pymodalib.json"), "w") as fh:
        json.dump({"generator": meta, **band_summaries_from_pymodalib()}, fh, indent=1)


if __name__ == "__main__":
    main()
