#!/usr/bin/env python3
"""Copies small AcqKnowledge test files from the bioread repository (MIT licence, see README)
and records what bioread reads from each (expected.json), plus damaged copies for the error
tests.

Run from the repository root:
    .venv/bin/python Tests/Fixtures/acq/make_acq_fixtures.py [BIOREAD_CHECKOUT]
(the virtualenv needs: pip install bioread numpy). The optional argument is a checkout of
https://github.com/uwmadison-chm/bioread whose test/data holds the files; without it the copies
already here are kept.
"""
import json
import os
import shutil
import sys
from importlib.metadata import version

import bioread
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
FILES = {"misc/r35_test.acq": "r35_test.acq", "misc/r42_test.acq": "r42_test.acq",
         "nojournal/nojournal-3.8.1-c.acq": "nojournal-3.8.1-c.acq", "nojournal/nojournal-5.0.1-c.acq": "nojournal-5.0.1-c.acq",
         "nojournal/nojournal-5.0.1.acq": "nojournal-5.0.1.acq"}


def path(name):
    return os.path.join(HERE, name)


def describe(name):
    data = bioread.read_file(path(name))
    signals = []
    for c in data.channels:
        x = np.asarray(c.data, dtype=float)
        signals.append(dict(label=c.name, unit=c.units, rate=float(c.samples_per_second), count=int(x.size),
                            first=x[:5].tolist(), last=float(x[-1]), mean=float(x.mean()), min=float(x.min()), max=float(x.max())))
    annotations = [dict(onset=float(m.sample_index) / data.samples_per_second, duration=None, text=m.text)
                   for m in data.event_markers if m.text]
    return dict(signals=signals, annotations=annotations, start=None)


def main():
    if len(sys.argv) > 1:
        for source, name in FILES.items():
            shutil.copy(os.path.join(sys.argv[1], "test", "data", source), path(name))
    data = open(path("nojournal-5.0.1.acq"), "rb").read()
    open(path("bad-truncated.acq"), "wb").write(data[: len(data) // 2])
    compressed = bytearray(open(path("nojournal-3.8.1-c.acq"), "rb").read())
    compressed[-5000:-4000] = bytes(1000)
    open(path("bad-damaged-compressed.acq"), "wb").write(bytes(compressed))
    expected = dict(versions=dict(bioread=version("bioread"), numpy=np.__version__),
                    files={name: describe(name) for name in FILES.values()})
    with open(path("expected.json"), "w") as f:
        json.dump(expected, f, indent=1)
        f.write("\n")
    print(json.dumps(expected["versions"]))


if __name__ == "__main__":
    main()
