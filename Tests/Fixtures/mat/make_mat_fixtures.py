#!/usr/bin/env python3
"""Writes the MATLAB MAT-file fixtures with scipy.io.savemat (level 5, with and without zlib
compression) and h5py (a version 7.3 file, which the toolkit refuses), and records what
scipy.io.loadmat reads back (expected.json).

Run from the repository root:  .venv/bin/python Tests/Fixtures/mat/make_mat_fixtures.py
(the virtualenv needs: pip install scipy h5py numpy).
"""
import json
import os
from importlib.metadata import version

import h5py
import numpy as np
import scipy.io

HERE = os.path.dirname(os.path.abspath(__file__))


def path(name):
    return os.path.join(HERE, name)


def flux(n, rate, rng):
    t = np.arange(n) / rate
    return 100 + 15 * np.sin(2 * np.pi * 0.1 * t) + rng.normal(0, 2, n)


def write():
    rng = np.random.default_rng(5)
    n = 40 * 60
    t = np.arange(n) / 40
    scipy.io.savemat(path("flux.mat"), {"flux": flux(n, 40, rng), "t": t, "fs": 40.0, "subject": "S01"})
    scipy.io.savemat(path("struct-compressed.mat"),
                     {"rec": {"ldf": flux(n, 40, rng), "temp": 32 + 0.001 * np.arange(n), "Fs": 40,
                              "info": {"site": "forearm"}}}, do_compression=True)
    data = np.column_stack([flux(n, 40, rng), 31 + 0.001 * np.arange(n)])
    scipy.io.savemat(path("matrix.mat"), {"data": data, "srate": 40})
    scipy.io.savemat(path("int16.mat"), {"perfusion": np.round(flux(500, 10, rng) * 10).astype(np.int16), "fs": np.int32(10)})
    scipy.io.savemat(path("bad-no-numeric.mat"), {"note": "no data here", "cells": np.array(["a", "b"], dtype=object)})
    scipy.io.savemat(path("bad-no-rate.mat"), {"signal": flux(100, 10, rng)})
    data = open(path("struct-compressed.mat"), "rb").read()
    open(path("bad-truncated.mat"), "wb").write(data[: len(data) * 2 // 3])
    with h5py.File(path("v73.mat"), "w", userblock_size=512) as f:
        f.create_dataset("flux", data=flux(100, 10, rng))
    header = b"MATLAB 7.3 MAT-file, Platform: GLNXA64, Created on: Mon Jan  1 00:00:00 2024 HDF5 schema 1.00 .".ljust(116)
    header += b"\x00" * 8 + b"\x00\x02" + b"IM"
    with open(path("v73.mat"), "r+b") as f:
        f.write(header.ljust(512, b"\x00"))


def summary(name, x):
    x = np.asarray(x, dtype=float).ravel(order="F")
    return dict(label=name, unit="", rate=0.0, count=int(x.size), first=x[:5].tolist(), last=float(x[-1]),
                mean=float(x.mean()), min=float(x.min()), max=float(x.max()))


def describe():
    flux_mat = scipy.io.loadmat(path("flux.mat"))
    struct = scipy.io.loadmat(path("struct-compressed.mat"), squeeze_me=True, struct_as_record=False)["rec"]
    matrix = scipy.io.loadmat(path("matrix.mat"))["data"]
    int16 = scipy.io.loadmat(path("int16.mat"))
    return {
        "flux.mat": dict(signals=[summary("flux", flux_mat["flux"]), summary("t", flux_mat["t"])], annotations=[]),
        "struct-compressed.mat": dict(signals=[summary("rec.ldf", struct.ldf), summary("rec.temp", struct.temp)], annotations=[]),
        "matrix.mat": dict(signals=[summary("data(:,1)", matrix[:, 0]), summary("data(:,2)", matrix[:, 1])], annotations=[]),
        "int16.mat": dict(signals=[summary("perfusion", int16["perfusion"])], annotations=[]),
    }


def main():
    write()
    expected = dict(versions=dict(scipy=version("scipy"), h5py=version("h5py"), numpy=np.__version__), files=describe())
    with open(path("expected.json"), "w") as f:
        json.dump(expected, f, indent=1)
        f.write("\n")
    print(json.dumps(expected["versions"]))


if __name__ == "__main__":
    main()
