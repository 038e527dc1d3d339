#!/usr/bin/env python3
"""Writes the LabChart binary (CFWB) fixtures with binfilepy, an independent CFWB writer from
PyPI, plus a file with a time channel built with struct to ADInstruments' ADIBinaryFormat.h,
and records what binfilepy reads back (expected.json).

Run from the repository root:  .venv/bin/python Tests/Fixtures/cfwb/make_cfwb_fixtures.py
(the virtualenv needs: pip install binfilepy numpy).
"""
import datetime
import json
import os
import struct
from importlib.metadata import version

import numpy as np
from binfilepy import BinFile, CFWBINARY, CFWBCHANNEL, constant

HERE = os.path.dirname(os.path.abspath(__file__))


def path(name):
    return os.path.join(HERE, name)


def write(name, data_format, channels, columns, interval, start):
    header = CFWBINARY(interval, start.year, start.month, start.day, start.hour, start.minute,
                       start.second + start.microsecond / 1e6, 0.0, len(channels), 0, 0, data_format)
    with BinFile(path(name), "w") as f:
        f.setHeader(header)
        for title, units, scale, offset in channels:
            f.addChannel(CFWBCHANNEL(title, units, scale, offset))
        f.writeHeader()
        f.writeChannelData(columns)
        f.updateSamplesPerChannel(len(columns[0]), True)


def write_int16():
    """Flux (BPU, 0.1 per step), skin temperature (degC, 0.01 per step, offset) and cuff pressure
    at 100 Hz for 30 s, 16-bit samples."""
    rng = np.random.default_rng(1414)
    n = 3000
    t = np.arange(n) / 100
    flux = np.round((120 + 30 * np.sin(2 * np.pi * 0.2 * t) + rng.normal(0, 3, n)) / 0.1).astype(int)
    temp = np.round((31.5 + 0.02 * t) / 0.01 - 3000).astype(int)
    cuff = np.where((t > 10) & (t < 20), 2000, 0)
    write("flux-int16.bin", constant.FORMAT_SHORT,
          [("Flux", "BPU", 0.1, 0.0), ("Skin temp", "°C", 0.01, 3000.0), ("Cuff", "mmHg", 0.1, 0.0)],
          [flux.tolist(), temp.tolist(), cuff.tolist()], 0.01, datetime.datetime(2022, 12, 28, 11, 38, 9, 500000))


def write_double():
    """One flux channel at 40 Hz for 20 s as doubles."""
    t = np.arange(800) / 40
    write("flux-double.bin", constant.FORMAT_DOUBLE, [("Perfusion", "PU", 1.0, 0.0)],
          [(80 + 5 * np.cos(2 * np.pi * 1.1 * t)).tolist()], 0.025, datetime.datetime(2023, 1, 2, 3, 4, 5))


def write_time_channel():
    """Floats with the time channel first (TimeChannel = 1), built with struct; 10 Hz, 5 s."""
    n, interval = 50, 0.1
    header = struct.pack("<4si d 5i d d 4i", b"CFWB", 1, interval, 2024, 2, 29, 23, 59, 30.25, 0.0, 1, n, 1, 2)
    channel = struct.pack("<32s32s4d", "LDF".encode(), "PU".encode(), 1.0, 0.0, 0.0, 0.0)
    data = b"".join(struct.pack("<2f", k * interval, 50 + k) for k in range(n))
    with open(path("time-channel.bin"), "wb") as f:
        f.write(header + channel + data)


def write_bad_inputs():
    data = open(path("flux-int16.bin"), "rb").read()
    open(path("bad-truncated.bin"), "wb").write(data[:-600])
    unknown = bytearray(data)
    unknown[64:68] = struct.pack("<i", 7)
    open(path("bad-format.bin"), "wb").write(bytes(unknown))
    open(path("recording.adicht"), "wb").write(b"\x00\x01ADI native" + bytes(200))


def describe(name):
    with BinFile(path(name), "r") as f:
        f.readHeader()
        columns = f.readChannelData(0, 0, False, False)
        h = f.header
        signals = [dict(label=c.Title.rstrip("\x00"), unit=c.Units.rstrip("\x00"), rate=1 / h.secsPerTick, count=len(x),
                        first=list(x[:5]), last=x[-1], mean=float(np.mean(x)), min=float(np.min(x)), max=float(np.max(x)))
                   for c, x in zip(f.channels, columns)]
        seconds = h.Second
        start = datetime.datetime(h.Year, h.Month, h.Day, h.Hour, h.Minute) + datetime.timedelta(seconds=seconds)
        return dict(signals=signals, annotations=[], start=start.isoformat())


def describe_time_channel():
    raw = open(path("time-channel.bin"), "rb").read()
    values = np.frombuffer(raw[68 + 96:], dtype="<f4").reshape(-1, 2)[:, 1].astype(float)
    return dict(signals=[dict(label="LDF", unit="PU", rate=10.0, count=int(values.size), first=values[:5].tolist(),
                              last=float(values[-1]), mean=float(values.mean()), min=float(values.min()), max=float(values.max()))],
                annotations=[], start="2024-02-29T23:59:30.250000")


def main():
    write_int16()
    write_double()
    write_time_channel()
    write_bad_inputs()
    files = {name: describe(name) for name in ["flux-int16.bin", "flux-double.bin"]}
    files["time-channel.bin"] = describe_time_channel()
    expected = dict(versions=dict(binfilepy=version("binfilepy"), numpy=np.__version__), files=files)
    with open(path("expected.json"), "w") as f:
        json.dump(expected, f, indent=1)
        f.write("\n")
    print(json.dumps(expected["versions"]))


if __name__ == "__main__":
    main()
