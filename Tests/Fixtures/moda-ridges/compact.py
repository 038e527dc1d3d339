"""Shrinks the raw output of wft_ridges.m into wft-ridges.json (see README.md).

    python3 Tests/Fixtures/moda-ridges/compact.py /tmp/wft-ridges-raw.json

Numbers keep 9 significant digits (far below the tolerances tested); the ridge series keep
every other sample (samples 0, 2, 4, ...; `ridgeStride` = 2) and drop what follows from the rest
(ridge frequencies = the grid at ridgeIndex; reconstruction = amplitude cos(phase)); the
transforms keep every other stored time (every 4 s). NaN becomes null.
"""
import json
import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
STRIDE = 2


def rounded(value):
    if isinstance(value, list):
        return [rounded(v) for v in value]
    if isinstance(value, dict):
        return {k: rounded(v) for k, v in value.items()}
    if isinstance(value, float):
        return None if math.isnan(value) else float("%.9g" % value)
    return value


raw = json.load(open(sys.argv[1]))
for key, entry in raw.items():
    if key.startswith("ridge_"):
        entry["ridgeIndex"] = entry.pop("ridgePeakIndex")
        for series in ("ridgeIndex", "supportLower", "supportUpper", "frequencyHz", "amplitude", "phase"):
            entry[series] = entry[series][::STRIDE]
        del entry["ridgeHz"], entry["reconstruction"]
    if key.startswith("wft_"):
        for series in ("amplitude", "phase"):
            entry[series] = [row[::2] for row in entry[series]]
raw["storedSamples"] = raw["storedSamples"][::2]
raw["ridgeStride"] = STRIDE
with open(os.path.join(HERE, "wft-ridges.json"), "w") as out:
    json.dump(rounded(raw), out, separators=(",", ":"))
