"""Keeps a checkable share of MODA's bispectra (bispectrum.m's raw output) in bispectrum-pair.json.

    python3 Tests/Fixtures/moda/compact_bispectrum.py /tmp/bispectrum-raw.json

The full grids are 4 x 165 x 165 values; stored are, per kind, every defined cell whose grid
indices are both multiples of 3, and the 100 strongest cells, each as [j, k, |B|, arg B] with
0-based grid indices, 8 significant digits. The biphase series are stored whole.
"""
import json
import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def cells(amplitude, phase):
    defined = [(j, k) for j, row in enumerate(amplitude) for k, a in enumerate(row) if a is not None and not math.isnan(a)]
    strongest = sorted(defined, key=lambda c: -amplitude[c[0]][c[1]])[:100]
    keep = sorted(set(c for c in defined if c[0] % 3 == 0 and c[1] % 3 == 0) | set(strongest))
    return [[j, k, float("%.8g" % amplitude[j][k]), float("%.8g" % phase[j][k])] for j, k in keep], len(defined)


def main(path):
    raw = json.load(open(path))
    out = {key: raw[key] for key in ("rateHz", "fminHz", "fmaxHz", "f0", "voices", "padding", "frequenciesHz")}
    out["kinds"] = {}
    for kind in ("111", "222", "122", "211"):
        kept, defined = cells(raw["amplitude" + kind], raw["phase" + kind])
        out["kinds"][kind] = {"definedCount": defined, "cells": kept}
    b = raw["biphase122"]
    out["biphase122"] = {"f1Hz": b["f1Hz"], "f2Hz": b["f2Hz"],
                         "biamplitude": [None if v is None else float("%.8g" % v) for v in b["biamplitude"]],
                         "biphase": [None if v is None else float("%.8g" % v) for v in b["biphase"]]}
    with open(os.path.join(HERE, "bispectrum-pair.json"), "w") as f:
        json.dump(out, f, separators=(",", ":"))


if __name__ == "__main__":
    main(sys.argv[1])
