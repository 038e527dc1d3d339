#!/usr/bin/env python3
"""Writes the EDF/BDF reader fixtures with independent writers (pyedflib, edfio) and records what
those libraries read back (expected.json), so the Swift tests need no Python.

Run from the repository root:  .venv/bin/python Tests/Fixtures/edf/make_edf_fixtures.py
(the virtualenv needs: pip install pyedflib edfio numpy). Versions are written into expected.json.
"""
import datetime
import json
import os
import shutil
import struct

import numpy as np
import pyedflib
import edfio

HERE = os.path.dirname(os.path.abspath(__file__))


def path(name):
    return os.path.join(HERE, name)


def flux(t, rng):
    """A perfusion-like trace: rest level, 0.1 Hz flowmotion, noise, an occlusion dip 30-60 s."""
    x = 100 + 15 * np.sin(2 * np.pi * 0.1 * t) + rng.normal(0, 2, t.size)
    x[(t >= 30) & (t < 60)] = 8 + rng.normal(0, 0.5, int(np.sum((t >= 30) & (t < 60))))
    return x


def write_multirate():
    """EDF+C from pyedflib: flux 32 Hz, temperature 1 Hz, cuff pressure 8 Hz, 120 s, annotations."""
    rng = np.random.default_rng(14)
    seconds = 120
    rates = {"Flux": 32, "Skin temp": 1, "Cuff": 8}
    t = {k: np.arange(seconds * r) / r for k, r in rates.items()}
    signals = [flux(t["Flux"], rng), 32 + 0.01 * t["Skin temp"], np.where((t["Cuff"] >= 30) & (t["Cuff"] < 60), 200.0, 0.0)]
    headers = [
        dict(label="Flux", dimension="PU", sample_frequency=32, physical_min=-50, physical_max=500,
             digital_min=-32768, digital_max=32767, transducer="LDF probe 407", prefilter="LP 15 Hz"),
        dict(label="Skin temp", dimension="degC", sample_frequency=1, physical_min=20, physical_max=45,
             digital_min=-32768, digital_max=32767, transducer="", prefilter=""),
        dict(label="Cuff", dimension="mmHg", sample_frequency=8, physical_min=0, physical_max=300,
             digital_min=0, digital_max=3000, transducer="", prefilter=""),
    ]
    header = dict(startdate=datetime.datetime(2023, 3, 14, 10, 20, 30), patientname="S01",
                  annotations=[[30.0, 60.0, "cuff on"], [60.0, -1, "release"], [100.25, -1, "note: cough"]])
    pyedflib.highlevel.write_edf(path("multirate.edf"), signals, headers, header, file_type=pyedflib.FILETYPE_EDFPLUS)


def write_bdf():
    """BDF (24-bit) from edfio: one 16 Hz flux signal of 30 s, 24-bit resolution."""
    t = np.arange(30 * 16) / 16
    x = 50 + 10 * np.cos(2 * np.pi * 0.25 * t)
    signal = edfio.BdfSignal(x, sampling_frequency=16, label="LDF", physical_dimension="PU",
                             physical_range=(-100, 400))
    bdf = edfio.Bdf([signal], starttime=datetime.time(8, 0, 5),
                    recording=edfio.Recording(startdate=datetime.date(2021, 6, 1)))
    bdf.write(path("flux24.bdf"))


def write_edf_plus_d():
    """EDF+D by hand (struct, following the EDF+ specification): one 4 Hz flux signal in three
    1-s records at 0, 1 and 4 s (a 2-s pause), and an annotation signal keeping time."""
    rate, ann_samples = 4, 16
    onsets = [0.0, 1.0, 4.0]
    records = []
    for k, onset in enumerate(onsets):
        digital = [100 * k + j for j in range(rate)]
        tal = f"+{onset:g}\x14\x14\x00".encode()
        if k == 2:
            tal += b"+4.5\x14marker A\x14\x00"
        tal = tal.ljust(2 * ann_samples, b"\x00")
        records.append(struct.pack(f"<{rate}h", *digital) + tal)
    fields = lambda values, width: "".join(v.ljust(width)[:width] for v in values)
    header = ("0".ljust(8) + "X X X X".ljust(80) + "Startdate 05-MAY-2022 X X X".ljust(80) + "05.05.22" + "13.14.15"
              + str(256 * 3).ljust(8) + "EDF+D".ljust(44) + str(len(onsets)).ljust(8) + "1".ljust(8) + "2".ljust(4))
    header += fields(["Flux", "EDF Annotations"], 16) + fields(["", ""], 80) + fields(["PU", ""], 8)
    header += fields(["-3276.8", "-1"], 8) + fields(["3276.7", "1"], 8) + fields(["-32768", "-32768"], 8)
    header += fields(["32767", "32767"], 8) + fields(["", ""], 80) + fields([str(rate), str(ann_samples)], 8) + fields(["", ""], 32)
    assert len(header) == 768
    with open(path("discontinuous.edf"), "wb") as f:
        f.write(header.encode("ascii") + b"".join(records))


def write_bad_inputs():
    """Damaged copies of multirate.edf: truncated, a header claiming more records, a zero digital range."""
    data = open(path("multirate.edf"), "rb").read()
    open(path("bad-truncated.edf"), "wb").write(data[: len(data) - 1000])
    more = bytearray(data)
    count = int(data[236:244])
    more[236:244] = str(count + 5).ljust(8).encode()
    open(path("bad-more-records.edf"), "wb").write(bytes(more))
    zero = bytearray(data)
    ns = int(data[252:256])
    digmax_offset = 256 + ns * (16 + 80 + 8 + 8 + 8 + 8)  # digital maximum of signal 1
    zero[digmax_offset:digmax_offset + 8] = zero[digmax_offset - ns * 8:digmax_offset - ns * 8 + 8]
    open(path("bad-zero-digital-range.edf"), "wb").write(bytes(zero))


def copy_public():
    """EDFbrowser-generated test files shipped with pyedflib (BSD licence, see README)."""
    base = os.path.join(os.path.dirname(pyedflib.__file__), "tests", "data")
    for name in ["test_subsecond.edf", "test_generator_datarec_generator_2.bdf"]:
        shutil.copy(os.path.join(base, name), path(name))


def describe(name):
    """What pyedflib reads from a file: every signal's rate, unit, count and values summary,
    annotations and the start time."""
    with pyedflib.EdfReader(path(name)) as f:
        signals = []
        for i in range(f.signals_in_file):
            x = f.readSignal(i)
            signals.append(dict(label=f.getLabel(i), unit=f.getPhysicalDimension(i), rate=f.getSampleFrequency(i),
                                count=int(x.size), first=[float(v) for v in x[:5]], last=float(x[-1]),
                                mean=float(np.mean(x)), min=float(np.min(x)), max=float(np.max(x))))
        onsets, durations, texts = f.readAnnotations()
        annotations = [dict(onset=float(o), duration=(None if d < 0 else float(d)), text=str(s))
                       for o, d, s in zip(onsets, durations, texts)]
    # The start time comes from edfio: pyedflib 0.1.42's getStartdatetime() reads the sub-second
    # start (EDF+ units of 100 ns) ten times too small (0.3945312 s becomes 0.039453 s).
    other = (edfio.read_bdf if name.endswith(".bdf") else edfio.read_edf)(path(name))
    start = datetime.datetime.combine(other.startdate, other.starttime)
    return dict(signals=signals, annotations=annotations, start=start.isoformat())


def main():
    write_multirate()
    write_bdf()
    write_edf_plus_d()
    write_bad_inputs()
    copy_public()
    expected = dict(versions=dict(pyedflib=pyedflib.__version__, edfio=edfio.__version__, numpy=np.__version__),
                    files={name: describe(name) for name in
                           ["multirate.edf", "flux24.bdf", "test_subsecond.edf", "test_generator_datarec_generator_2.bdf"]})
    with open(path("expected.json"), "w") as f:
        json.dump(expected, f, indent=1)
        f.write("\n")
    print(json.dumps(expected["versions"]))


if __name__ == "__main__":
    main()
