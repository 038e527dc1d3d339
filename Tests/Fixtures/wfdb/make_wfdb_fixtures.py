#!/usr/bin/env python3
"""Writes the WFDB reader fixtures with the wfdb package (PhysioNet's Python WFDB library),
copies small real records from the wfdb-python repository's sample-data (MIT licence, see
README), and records what wfdb reads back from each (expected.json).

Run from the repository root:
    .venv/bin/python Tests/Fixtures/wfdb/make_wfdb_fixtures.py [WFDB_PYTHON_CHECKOUT]
(the virtualenv needs: pip install wfdb numpy). The optional argument is a checkout of
https://github.com/MIT-LCP/wfdb-python whose sample-data folder holds the real records; without
it the copies already here are kept.
"""
import datetime
import json
import os
import shutil
import sys
from importlib.metadata import version

import numpy as np
import wfdb

HERE = os.path.dirname(os.path.abspath(__file__))
REAL = ["test01_00s.hea", "test01_00s.dat", "test01_00s_frame.hea", "100_3chan.hea", "100_3chan.dat",
        "3000003_0003.hea", "3000003_0003.dat", "310derive.hea", "310derive.dat", "1003.atr",
        "multi-segment/041s/041s.hea"]


def path(name):
    return os.path.join(HERE, name)


def flux(n, rate, rng):
    t = np.arange(n) / rate
    return 100 + 15 * np.sin(2 * np.pi * 0.1 * t) + rng.normal(0, 2, n)


def write_records():
    rng = np.random.default_rng(2014)
    n = 32 * 60
    signals = np.column_stack([flux(n, 32, rng), 32 + 0.01 * np.arange(n) / 32])
    wfdb.wrsamp("flux16", fs=32, units=["PU", "degC"], sig_name=["Flux", "Skin temp"], p_signal=signals,
                fmt=["16", "16"], adc_gain=[100, 1000], baseline=[0, -32000],
                base_time=datetime.time(10, 11, 12), base_date=datetime.date(2023, 3, 14), write_dir=HERE)
    wfdb.wrann("flux16", "atr", sample=np.array([320, 960, 1500]), symbol=['"', "+", "N"],
               aux_note=["cuff on", "(release", ""], write_dir=HERE)
    n = 41
    three = np.column_stack([flux(n, 25, rng), flux(n, 25, rng) / 2, np.linspace(-5, 5, n)])
    wfdb.wrsamp("flux212", fs=25, units=["PU", "PU", "mmHg"], sig_name=["Flux 1", "Flux 2", "Cuff"], p_signal=three,
                fmt=["212", "212", "212"], adc_gain=[10, 10, 100], baseline=[-1000, -500, 0], write_dir=HERE)
    one = flux(200, 20, rng)[:, None]
    wfdb.wrsamp("flux80", fs=20, units=["PU"], sig_name=["LDF"], p_signal=one, fmt=["80"], adc_gain=[1], baseline=[-100],
                write_dir=HERE)
    # wfdb writes no format 61: write format 16, then swap the bytes and name the format 61.
    wfdb.wrsamp("flux61", fs=20, units=["PU"], sig_name=["LDF"], p_signal=one, fmt=["16"], adc_gain=[100], baseline=[0],
                write_dir=HERE)
    little = np.fromfile(path("flux61.dat"), dtype="<i2")
    little.astype(">i2").tofile(path("flux61.dat"))
    header = open(path("flux61.hea")).read().replace("flux61.dat 16 ", "flux61.dat 61 ")
    open(path("flux61.hea"), "w").write(header)
    # Two rates in one file: flux 4 samples per frame (40 Hz), temperature 1 (10 Hz).
    frames = 100
    fast = flux(4 * frames, 40, rng)
    slow = 31 + 0.05 * np.arange(frames)
    record = wfdb.Record(record_name="multifreq", n_sig=2, fs=10, sig_len=frames, file_name=["multifreq.dat"] * 2,
                         fmt=["16", "16"], samps_per_frame=[4, 1], units=["PU", "degC"], sig_name=["Flux", "Temp"],
                         adc_gain=[100, 100], baseline=[0, 0], e_p_signal=[fast, slow])
    record.set_d_features(do_adc=True, expanded=True)
    record.set_defaults()
    record.wrsamp(expanded=True, write_dir=HERE)


def write_bad_inputs():
    for ext in ["hea", "dat"]:
        shutil.copy(path(f"flux16.{ext}"), path(f"badtrunc.{ext}"))
    data = open(path("badtrunc.dat"), "rb").read()
    open(path("badtrunc.dat"), "wb").write(data[: len(data) // 2])
    text = open(path("badtrunc.hea")).read().replace("flux16", "badtrunc")
    open(path("badtrunc.hea"), "w").write(text)


def copy_real(checkout):
    if checkout is None:
        return
    for name in REAL:
        shutil.copy(os.path.join(checkout, "sample-data", name), path(os.path.basename(name)))


def describe(record_name):
    record = wfdb.rdrecord(path(record_name), physical=True, smooth_frames=False)
    signals = []
    for k, x in enumerate(record.e_p_signal):
        x = np.asarray(x, dtype=float)
        finite = x[np.isfinite(x)]
        signals.append(dict(label=record.sig_name[k], unit=record.units[k], rate=float(record.fs * record.samps_per_frame[k]),
                            count=int(x.size), first=[float(v) for v in x[:5]], last=float(x[-1]),
                            mean=float(np.mean(finite)), min=float(np.min(finite)), max=float(np.max(finite))))
    annotations = []
    if os.path.exists(path(record_name + ".atr")):
        ann = wfdb.rdann(path(record_name), "atr")
        annotations = [dict(onset=float(s) / record.fs, duration=None, text=(a if a else sym))
                       for s, sym, a in zip(ann.sample, ann.symbol, ann.aux_note)]
    start = None
    if record.base_date is not None and record.base_time is not None:
        start = datetime.datetime.combine(record.base_date, record.base_time).isoformat()
    return dict(signals=signals, annotations=annotations, start=start)


def describe_annotations(name):
    ann = wfdb.rdann(path(name), "atr")
    return dict(count=len(ann.sample), first_samples=[int(s) for s in ann.sample[:10]], last_sample=int(ann.sample[-1]),
                first_symbols=list(ann.symbol[:10]), symbols=sorted(set(ann.symbol)),
                aux=[dict(sample=int(s), text=a) for s, a in zip(ann.sample, ann.aux_note) if a][:10])


def main():
    write_records()
    write_bad_inputs()
    copy_real(sys.argv[1] if len(sys.argv) > 1 else None)
    files = {name: describe(name) for name in
             ["flux16", "flux212", "flux80", "flux61", "multifreq", "test01_00s", "test01_00s_frame", "100_3chan", "3000003_0003"]}
    expected = dict(versions=dict(wfdb=version("wfdb"), numpy=np.__version__), files=files,
                    annotations={"1003": describe_annotations("1003")})
    with open(path("expected.json"), "w") as f:
        json.dump(expected, f, indent=1)
        f.write("\n")
    print(json.dumps(expected["versions"]))


if __name__ == "__main__":
    main()
