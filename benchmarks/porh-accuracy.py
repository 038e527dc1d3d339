"""Accuracy sweep of `ldf porh --timing flux` against `ldf simulate porh` truth (release build).

Grid (seeded, every recording written as a CSV file and read back):
- cuff: 5 sites x rates 2/10/32/100/1000 Hz x per-sample noise 1%/5%/10% x two plateaus
  (clean: the site's biological zero, flat; real: a partial fall to 40% of rest, plateau spread
  of 5% of rest and 20 dips or spikes a minute) x 2 seeds (1000 Hz: 1 seed), one occlusion of the
  site's length, 300 s recovery;
- loading: `--protocol loading` (a finger, 4 loadings of 80-120 s, recoveries of 80-110 s without a
  clean baseline, time 0 at the first loading) at 2 Hz with jittered stamps and 3 single missing
  samples, and at 10 Hz, 8 seeds each.
Checks each found occlusion against the goals: start and release within 1 s (2 s at 2 Hz), peak
within 2%, time to peak and T50 within 1 s, repayment and debt areas within 3% (repayment only
where the truth has a return to rest). Prints a Markdown table of misses per group and rate, and
a second one of how T75/T50/T25 were read (`recovery_times_method`: fit or crossing) with the
least and median R² of the recovery fit (the rule's threshold is justified on it, METHODS §7.3).

Usage: swift build -c release --product ldf && python3 benchmarks/porh-accuracy.py [path/to/ldf] [--details PATH]
(the default binary is .build/release/ldf; files go to a temporary folder; --details writes one
JSON line per simulated occlusion with the estimates, the truth and the errors).
"""
import collections
import itertools
import json
import os
import subprocess
import sys
import tempfile

arguments = sys.argv[1:]
details = None
if "--details" in arguments:
    k = arguments.index("--details")
    details = open(arguments[k + 1], "w")
    del arguments[k:k + 2]
ldf = arguments[0] if arguments else os.path.join(os.path.dirname(__file__), "..", ".build", "release", "ldf")
folder = tempfile.mkdtemp(prefix="ldf-porh-accuracy-")
path = os.path.join(folder, "s.csv")
CHECKS = ["found", "start", "release", "peak", "time_to_peak", "t50", "repayment", "debt"]
checked = collections.Counter()   # (group, rate) -> occlusions expected
misses = collections.Counter()    # (group, rate, check) -> misses
methods = collections.Counter()   # (group, rate, method) -> occlusions
fit_r2 = collections.defaultdict(list)  # (group, rate) -> recovery-fit R² of the found occlusions
rest_flux = {"finger-pad": 250, "forearm": 10, "hallux": 150, "calf": 8, "thenar": 80}


def cases():
    for site, rate, noise, plateau in itertools.product(rest_flux, [2, 10, 32, 100, 1000], [0.01, 0.05, 0.1], ["clean", "real"]):
        for seed in ([1] if rate == 1000 else [1, 2]):
            args = ["--site", site, "--rate", str(rate), "--noise", str(noise), "--recovery-seconds", "300"]
            if plateau == "real":
                args += ["--bz-fraction", "0.4", "--plateau-spread", str(0.05 * rest_flux[site]), "--plateau-dips", "20"]
            yield f"cuff {plateau}", rate, site, args, seed
    for rate, seed in itertools.product([2, 10], range(1, 9)):
        args = ["--protocol", "loading", "--rate", str(rate)] + (["--jitter", "0.1", "--dropped", "3"] if rate == 2 else [])
        yield "loading", rate, "finger-pad", args, seed


def within(value, expected, tolerance, relative=False):
    if value is None:
        return False
    return abs(value / expected - 1) <= tolerance if relative else abs(value - expected) <= tolerance


for group, rate, site, args, seed in cases():
    subprocess.run([ldf, "simulate", "porh", *args, "--seed", str(seed), "-o", path], check=True, capture_output=True)
    run = subprocess.run([ldf, "porh", "--site", site, "--timing", "flux", "--format", "json", path],
                         capture_output=True, text=True)
    truths = json.load(open(os.path.join(folder, "s.truth.json")))["truth"]["expected"]["occlusions"]
    found = json.loads(run.stdout)["recordings"][0]["occlusions"]
    edge = 2 if rate <= 2 else 1
    for truth in truths:
        key = (group, rate)
        checked[key] += 1
        match = [o for o in found if abs(o["start_s"] - truth["file_start_seconds"]) < 30]
        if not match:
            for name in CHECKS:
                misses[(group, rate, name)] += 1
            continue
        o = match[0]
        results = {
            "start": within(o["start_s"], truth["file_start_seconds"], edge),
            "release": within(o["release_s"], truth["file_release_seconds"], edge),
            "peak": within(o["peak_flux"], truth["peak_flux"], 0.02, True),
            "time_to_peak": within(o["time_to_peak_s"], truth["time_to_peak_seconds"], 1),
            "t50": within(o["t50_s"], truth["t50_seconds"], 1),
            "repayment": truth.get("repayment_area") is None or within(o["repayment_area"], truth["repayment_area"], 0.03, True),
            "debt": within(o["debt_area"], truth["debt_area"], 0.03, True),
        }
        for name, ok in results.items():
            if not ok:
                misses[(group, rate, name)] += 1
        methods[(group, rate, o["recovery_times_method"])] += 1
        if o["recovery_fit_r2"] is not None:
            fit_r2[key].append(o["recovery_fit_r2"])
        if details:
            estimates = {name: o[name] for name in ["start_s", "release_s", "peak_flux", "time_to_peak_s", "t50_s"]}
            print(json.dumps({"group": group, "rate": rate, "site": site, "seed": seed, "args": args,
                              "truth": {name: truth[name] for name in ["file_start_seconds", "file_release_seconds", "peak_flux",
                                                                        "time_to_peak_seconds", "t50_seconds"]},
                              "estimates": estimates, "recovery_times_method": o["recovery_times_method"],
                              "recovery_fit_r2": o["recovery_fit_r2"], "missed": [n for n, ok in results.items() if not ok]}),
                  file=details)

total = sum(checked.values())
print(f"{total} occlusions in {len(set(k[0] for k in checked))} groups; misses per check (an occlusion not found misses every check)\n")
print("| group | rate Hz | occlusions | " + " | ".join(CHECKS) + " |")
print("|---|---|---|" + "---|" * len(CHECKS))
for group, rate in sorted(checked, key=lambda k: (k[0], k[1])):
    cells = [str(misses[(group, rate, name)]) for name in CHECKS]
    print(f"| {group} | {rate} | {checked[(group, rate)]} | " + " | ".join(cells) + " |")
print(f"\nall checks: {sum(misses.values())} missed of {total * len(CHECKS)}")

print("\n| group | rate Hz | T50 by fit | T50 by crossing | least recovery-fit R² | median |")
print("|---|---|---|---|---|---|")
for group, rate in sorted(checked, key=lambda k: (k[0], k[1])):
    values = sorted(fit_r2[(group, rate)])
    low = f"{values[0]:.3f}" if values else "-"
    median = f"{values[len(values) // 2]:.3f}" if values else "-"
    print(f"| {group} | {rate} | {methods[(group, rate, 'fit')]} | {methods[(group, rate, 'crossing')]} | {low} | {median} |")
