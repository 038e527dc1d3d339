#!/usr/bin/env python3
"""Writes the synthetic flux recording several benchmarks share: 100 PU with a 0.1 Hz (6 PU)
and a 1.1 Hz (4 PU) tone and white noise (SD 2 PU), seeded, as `time,flux` CSV; optionally with
spikes of +/-60 PU at random samples (for the Hampel filter).

Usage: benchmarks/tones.py OUT [--seconds 86400] [--rate 40] [--spikes 0]
"""
import argparse

import numpy as np

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("out")
parser.add_argument("--seconds", type=float, default=86400)
parser.add_argument("--rate", type=float, default=40.0)
parser.add_argument("--spikes", type=int, default=0)
args = parser.parse_args()

rng = np.random.default_rng(2)
t = np.arange(int(args.seconds * args.rate)) / args.rate
x = 100 + 6 * np.sin(2 * np.pi * 0.1 * t) + 4 * np.sin(2 * np.pi * 1.1 * t) + 2 * rng.standard_normal(t.size)
if args.spikes:
    spikes = rng.choice(t.size, args.spikes, replace=False)
    x[spikes] += rng.choice([-60.0, 60.0], spikes.size)
with open(args.out, "w") as out:
    out.write("time,flux\n")
    np.savetxt(out, np.column_stack([t, x]), fmt=("%.3f", "%.4f"), delimiter=",")
