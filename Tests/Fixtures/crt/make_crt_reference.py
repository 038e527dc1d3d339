"""Reference refill fits for Tests/LDFProtocolsTests/CRTReferenceTests.swift.

Each case is a seeded synthetic refill segment (times from the release, s; values in a.u.), fitted
by scipy.optimize.curve_fit (I = a exp(b t) + c, a >= 0, b <= 0, tolerances 1e-15) and by pyCRT's
own pipeline (pyCRT 2.2.2 from PyPI: min-max normalisation, findMaxDivergencePeaks against the
6th-order polynomial, fitPCRT on x[:maxDiv], "strict" and "best fit" exclusion methods).

pyCRT's package __init__ imports OpenCV for video reading; only pyCRT.curveFitting is needed, so the
package is installed without dependencies and loaded without running __init__. Run:

    python3 -m venv /tmp/crt-venv
    /tmp/crt-venv/bin/pip install numpy scipy matplotlib
    /tmp/crt-venv/bin/pip install --no-deps pycrt==2.2.2
    cd Tests/Fixtures/crt && /tmp/crt-venv/bin/python make_crt_reference.py
"""
import importlib.util
import json
import sys
import types
from pathlib import Path

import numpy as np
from scipy.optimize import curve_fit

location = importlib.util.find_spec("pyCRT").submodule_search_locations[0]
package = types.ModuleType("pyCRT")
package.__path__ = [location]
sys.modules["pyCRT"] = package
import pyCRT.curveFitting as cf  # noqa: E402
from pyCRT.__about__ import __version__ as pycrt_version  # noqa: E402


def exponential(t, a, b, c):
    return a * np.exp(b * t) + c


def segment(name, seed, crt, fps, seconds, noise, jitter=0.0, drift=0.0, rebound=None):
    rng = np.random.default_rng(seed)
    n = int(seconds * fps)
    t = np.arange(n) / fps + (rng.uniform(-jitter, jitter, n) / fps if jitter else 0.0)
    t = t - t[0]
    y = 100 + 40 * np.exp(-t / crt) + drift * t / 60
    if rebound is not None:
        start, rise = rebound
        y = y + np.where(t > start, 15 * (1 - np.exp(-(t - start) / 0.3)), 0.0)
    y = y + noise * 40 * rng.standard_normal(n)
    return {"name": name, "seed": seed, "crt_seconds": crt, "times": t.tolist(), "values": y.tolist()}


def scipy_fit(t, y):
    p, cov = curve_fit(exponential, t, y, p0=[y[0] - y[-1], -1.0, y[-1]],
                       bounds=([0, -np.inf, -np.inf], [np.inf, 0, np.inf]), ftol=1e-15, xtol=1e-15, gtol=1e-15, max_nfev=100000)
    se = np.sqrt(np.diag(cov))
    return {"a": p[0], "b": p[1], "c": p[2], "a_se": se[0], "b_se": se[1], "c_se": se[2]}


def pycrt_pipeline(t, y, method):
    normalised = (y - y.min()) / (y.max() - y.min())
    (params, sd), critical = cf.calcPCRT(t, normalised, exclusionMethod=method)
    crt, uncertainty = cf.pCRTFromParameters((params, sd))
    count = int(np.searchsorted(t, critical))
    return {"critical_time": float(critical), "count": count, "b": float(params[1]), "b_se": float(sd[1]),
            "crt": float(crt), "uncertainty": float(uncertainty)}


cases = [
    segment("refill 1.5 s, 30 fps, 2 % noise", 1, 1.5, 30, 12, 0.02),
    segment("refill 3 s, jittered frames, 3 % noise", 2, 3.0, 30, 15, 0.03, jitter=0.35),
    segment("refill 0.8 s, then the next press", 3, 0.8, 30, 10, 0.01, rebound=(5.0, 0.3)),
    segment("refill 2.2 s, 60 fps, drift", 4, 2.2, 60, 12, 0.02, drift=3.0),
]
for case in cases:
    t, y = np.array(case["times"]), np.array(case["values"])
    case["scipy_whole_segment"] = scipy_fit(t, y)
    case["pycrt_strict"] = pycrt_pipeline(t, y, "strict")
    case["pycrt_best_fit"] = pycrt_pipeline(t, y, "best fit")
    count = case["pycrt_strict"]["count"]
    case["scipy_at_pycrt_end"] = scipy_fit(t[:count], y[:count])

out = {"generator": "make_crt_reference.py", "pycrt_version": pycrt_version, "numpy_version": np.__version__,
       "scipy_version": __import__("scipy").__version__, "cases": cases}
Path("crt_reference.json").write_text(json.dumps(out, indent=1) + "\n")
for case in cases:
    print(case["name"], case["pycrt_strict"], case["pycrt_best_fit"]["count"], case["scipy_whole_segment"]["b"])
