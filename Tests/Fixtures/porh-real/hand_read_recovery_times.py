"""Hand-read T75/T50/T25 crossings of the real finger loadings, independent of the toolkit's code.

For each file and loading: the flux smoothed by a centred moving mean of 5 samples (2 s at 2 Hz,
the finger-pad smoothing), its maximum within 60 s after the release (the peak), the end level E (the
post-occlusive plateau, the mean of the raw flux over the last 60 s of the recovery, when its two
halves differ by less than 5% of peak - plateau; otherwise rest flux, the mean of the raw flux over
the 120 s before the first loading or from the file's first sample when it starts later: the later
loadings have no clean baseline, so all use the first rest), and the first time after the maximum that the
smoothed flux falls to E + {75, 50, 25}% of (peak - E), linearly interpolated between samples.
Times are on the files' own axis (s); levels in the files' PU.

Only the loading times come from `ldf porh --timing flux` (start of the first loading; each release;
each recovery's end, the next loading's start or the file's end), listed below. Writes
hand-read-recovery-times.csv beside this script, read by Tests/LDFPORHTests/RealRecordingTests.swift.

Usage: python3 Tests/Fixtures/porh-real/hand_read_recovery_times.py
"""
import csv
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
# file: (first start, [(release, recovery end), ...]) in s on the file's axis, from ldf porh.
LOADINGS = {
    "P008_j1_1.csv": (4.28216, [(82.48556, 168.62827), (253.20708, 353.78347), (473.73594, 553.48475), (689.84376, None)]),
    "P009_j1_1.csv": (18.22311, [(81.74677, 172.62408), (253.55878, 354.65024), (474.76301, 560.27121), (686.46821, None)]),
}
FRACTIONS = [(75, 0.75), (50, 0.5), (25, 0.25)]


def smoothed(x, half_width=2):
    kernel = np.ones(2 * half_width + 1)
    total = np.convolve(x, kernel, mode="same")
    count = np.convolve(np.ones_like(x), kernel, mode="same")
    return total / count


def crossing(t, y, start, level):
    """First time at or after index `start` where y <= level, interpolated; None if never."""
    below = np.nonzero(y[start:] <= level)[0]
    if len(below) == 0:
        return None
    i = start + below[0]
    if i == start:
        return t[i]
    return t[i - 1] + (level - y[i - 1]) / (y[i] - y[i - 1]) * (t[i] - t[i - 1])


def first_sample_at_or_after(t, time):
    return int(np.searchsorted(t, time - 1e-9))


def main():
    rows = []
    for name, (first_start, loadings) in LOADINGS.items():
        data = np.genfromtxt(os.path.join(HERE, name), delimiter=",", names=True)
        t, flux = data["time_s"], data["perfusion_pu"]
        rest_window = (t >= max(first_start - 120, t[0])) & (t < first_start)
        rest = flux[rest_window].mean()
        smooth = smoothed(flux)
        for k, (release, end) in enumerate(loadings, start=1):
            end = t[-1] + 0.5 if end is None else end
            lo = first_sample_at_or_after(t, release)
            hi = first_sample_at_or_after(t, min(release + 60, end))
            peak_index = lo + int(np.argmax(smooth[lo:hi]))
            peak = smooth[peak_index]
            last = first_sample_at_or_after(t, end)
            plateau_start = first_sample_at_or_after(t, end - 60)
            halves = np.array_split(flux[plateau_start:last], 2)
            whole = flux[plateau_start:last].mean()
            steady = abs(halves[0].mean() - halves[1].mean()) < 0.05 * (peak - whole)
            end_level = whole if steady else rest
            row = {"file": name, "loading": k, "release_s": release, "rest_flux": rest, "end_level": end_level,
                   "peak_flux": peak, "peak_sample_time_s": t[peak_index]}
            for label, fraction in FRACTIONS:
                level = end_level + fraction * (peak - end_level)
                found = crossing(t[:last], smooth[:last], peak_index, level)
                row[f"t{label}_crossing_s"] = "" if found is None else found
            rows.append(row)
    with open(os.path.join(HERE, "hand-read-recovery-times.csv"), "w", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        for row in rows:
            writer.writerow({key: (f"{value:.4f}" if isinstance(value, float) else value) for key, value in row.items()})


if __name__ == "__main__":
    main()
