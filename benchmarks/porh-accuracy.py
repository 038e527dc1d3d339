"""Accuracy sweep of `ldf porh --timing flux` against `ldf simulate porh` truth (release build).

Grid: 5 sites x rates 10/32/100 Hz x per-sample noise 3%/10% x flowmotion 3%/5% x 3 seeds, one
180 s occlusion, 300 s recovery (180 recordings). Counts the checks that miss the goals: start and
release within 1 s, peak within 2%, time to peak and T50 within 1 s, repayment and debt areas
within 3%.

Usage: swift build -c release --product ldf && python3 benchmarks/porh-accuracy.py [path/to/ldf]
(the default binary is .build/release/ldf; files go to a temporary folder).
"""
import collections
import itertools
import json
import os
import subprocess
import sys
import tempfile

ldf = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", ".build", "release", "ldf")
folder = tempfile.mkdtemp(prefix="ldf-porh-accuracy-")
path = os.path.join(folder, "s.csv")
misses = collections.Counter()
checked = 0
for site, rate, noise, flowmotion, seed in itertools.product(
        ["finger-pad", "forearm", "hallux", "calf", "thenar"], [10, 32, 100], [0.03, 0.1], [0.03, 0.05], [1, 2, 3]):
    subprocess.run([ldf, "simulate", "porh", "--site", site, "--rate", str(rate), "--noise", str(noise),
                    "--flowmotion", str(flowmotion), "--occlusion-seconds", "180", "--recovery-seconds", "300",
                    "--seed", str(seed), "-o", path], check=True, capture_output=True)
    run = subprocess.run([ldf, "porh", "--site", site, "--timing", "flux", "--format", "json", path],
                         capture_output=True, text=True)
    truth = json.load(open(os.path.join(folder, "s.truth.json")))["truth"]["expected"]["occlusions"][0]
    found = json.loads(run.stdout)["recordings"][0]["occlusions"]
    checked += 1
    if not found:
        misses[("not found", site)] += 1
        continue
    o = found[0]

    def within(value, expected, tolerance, relative=False):
        if value is None:
            return False
        return abs(value / expected - 1) <= tolerance if relative else abs(value - expected) <= tolerance

    checks = {
        "start": within(o["start_s"], truth["start_seconds"], 1),
        "release": within(o["release_s"], truth["release_seconds"], 1),
        "peak": within(o["peak_flux"], truth["peak_flux"], 0.02, True),
        "time_to_peak": within(o["time_to_peak_s"], truth["time_to_peak_seconds"], 1),
        "t50": within(o["t50_s"], truth["t50_seconds"], 1),
        "repayment": within(o["repayment_area"], truth["repayment_area"], 0.03, True),
        "debt": within(o["debt_area"], truth["debt_area"], 0.03, True),
    }
    for name, ok in checks.items():
        if not ok:
            misses[(name, site, f"{rate} Hz", f"noise {noise}", f"flowmotion {flowmotion}")] += 1
print(f"{checked} recordings, {len(checks) * checked} checks, {sum(misses.values())} missed")
for key, count in sorted(misses.items(), key=str):
    print(" ", ", ".join(key), count)
