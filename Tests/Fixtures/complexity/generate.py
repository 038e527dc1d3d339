"""Reference values for LDFComplexity (Tests/LDFComplexityTests): NeuroKit2 and brute-force NumPy
on seeded signals with known truth and on a stretch of the simulated resting LDF sample.

Run with .venv/complexity (scripts/setup-neurokit2.sh): .venv/complexity/bin/python generate.py
Writes complexity.json beside this file. See README.md for what each number is.
"""
import json
import math
import pathlib
import sys

import numpy as np
import neurokit2 as nk
from neurokit2.complexity.information_mutual import mutual_information

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[2]
Q = [-5.0, -3.0, -1.0, 0.0, 1.0, 3.0, 5.0]
BINS = 16


def rounded(values):
    """Ten significant digits: what the fixture stores and every reference is computed on."""
    return np.array([float(f"{v:.10g}") for v in values])


def pink(n, rng):
    """1/f noise by spectral synthesis: random phases, amplitude f^-1/2, exact power law."""
    freqs = np.fft.rfftfreq(n)
    amplitude = np.zeros_like(freqs)
    amplitude[1:] = freqs[1:] ** -0.5
    spectrum = amplitude * (rng.standard_normal(len(freqs)) + 1j * rng.standard_normal(len(freqs)))
    x = np.fft.irfft(spectrum, n)
    return (x - x.mean()) / x.std()


def brute_sampen(x, m, lag, r):
    """Richman & Moorman with a lagged embedding: N - m lag templates for both lengths, pairs i < j,
    Chebyshev distance <= r. Returns (A, B, templates)."""
    t = len(x) - m * lag
    emb = np.stack([x[k * lag:k * lag + t] for k in range(m + 1)], axis=1)
    a = b = 0
    for start in range(0, t, 512):
        block = emb[start:start + 512]
        d = np.abs(block[:, None, :] - emb[None, :, :])
        dm = d[:, :, :m].max(axis=2) <= r
        dm1 = dm & (d[:, :, m] <= r)
        rows = np.arange(start, start + len(block))[:, None]
        upper = np.arange(t)[None, :] > rows
        b += int((dm & upper).sum())
        a += int((dm1 & upper).sum())
    return a, b, t


def scales(lo, hi, count):
    """The toolkit's window sizes: log-spaced, rounded half up, repeats removed."""
    sizes = [int(math.floor(math.exp(math.log(lo) + (math.log(hi) - math.log(lo)) * i / (count - 1)) + 0.5)) for i in range(count)]
    return sorted(set(sizes))


def coarse(x, s):
    n = len(x) // s
    return x[:n * s].reshape(n, s).mean(axis=1)


def reference(name, x, rate, lag, ranges, mse_scales=10, m=2):
    sd = float(np.std(x, ddof=1))
    r = 0.2 * sd
    out = {"name": name, "sample_rate_hz": rate, "values": list(x), "sd": sd, "tolerance": r, "dimension": m}
    # Auto-mutual information: NeuroKit2's histogram ("shannon", after nolitsa) estimate, bits.
    out["ami_bins"] = BINS
    out["ami"] = [float(mutual_information(x[:-t], x[t:], method="shannon", bins=BINS)) for t in range(1, 41)]
    try:  # NeuroKit2's default delay (smoothed, normalised MI); it fails on an exactly periodic signal
        nk_delay, _ = nk.complexity_delay(x, delay_max=40, method="fraser1986", silent=True)
        out["neurokit2_default_delay"] = None if isinstance(nk_delay, float) and math.isnan(nk_delay) else int(nk_delay)
    except ValueError as error:
        out["neurokit2_default_delay"] = None
        out["neurokit2_default_delay_error"] = str(error)
    # Sample entropy at lag 1 (NeuroKit2 and brute force agree) and at the given lag.
    nk1, _ = nk.entropy_sample(x, delay=1, dimension=m, tolerance=r)
    a1, b1, t1 = brute_sampen(x, m, 1, r)
    out["sampen_lag1"] = {"neurokit2": float(nk1), "A": a1, "B": b1, "templates": t1}
    nkl, _ = nk.entropy_sample(x, delay=lag, dimension=m, tolerance=r)
    al, bl, tl = brute_sampen(x, m, lag, r)
    out["lag"] = lag
    out["sampen_lag"] = {"neurokit2": float(nkl), "A": al, "B": bl, "templates": tl}
    # Multiscale entropy at lag 1: NeuroKit2's MSEn curve (its delay is always 1).
    _, info = nk.entropy_multiscale(x, scale=mse_scales, dimension=m, tolerance=r, method="MSEn")
    out["mse_lag1_neurokit2"] = [float(v) for v in info["Value"]]
    # Multiscale entropy at the lag kept in time (lag / s coarse samples): brute force.
    curve = []
    for s in range(1, mse_scales + 1):
        a, b, t = brute_sampen(coarse(x, s), m, max(1, int(math.floor(lag / s + 0.5))), r)
        curve.append({"scale": s, "A": a, "B": b, "templates": t})
    out["mse_lag_brute"] = curve
    # DFA and MFDFA without overlap (NeuroKit2 fractal_dfa, overlap=False).
    out["dfa"] = []
    for rname, lo, hi in ranges:
        sc = scales(lo * rate, hi * rate, 10)
        alpha, dinfo = nk.fractal_dfa(x, scale=sc, overlap=False, order=1)
        mf, minfo = nk.fractal_dfa(x, scale=sc, overlap=False, order=1, multifractal=True, q=Q)
        out["dfa"].append({"range": rname, "low_s": lo, "high_s": hi, "scales": sc, "alpha": float(alpha),
                           "fluctuation": [float(v) for v in dinfo["Fluctuations"][:, 0]],
                           "q": Q, "h": [float(v) for v in minfo["h"]], "singularity": [float(v) for v in minfo["H"]],
                           "dimension": [float(v) for v in minfo["D"]], "width": float(minfo["Width"])})
    return out


def ldf_stretch():
    rows = (ROOT / "samples" / "rest-32hz-30min.csv").read_text().splitlines()[1:]
    return rounded([float(r.split(",")[1]) for r in rows[:32 * 180]])


def main():
    rng = np.random.default_rng(20261202)
    white = rounded(rng.standard_normal(2000))
    pinkn = rounded(pink(4096, rng))
    brown = rounded(np.cumsum(rng.standard_normal(2000)))
    k = np.arange(1000)
    periodic = rounded(np.sin(2 * np.pi * k / 40))
    signals = [
        reference("white", white, 1.0, 3, [("all", 8, 250)]),
        reference("pink", pinkn, 1.0, 3, [("all", 8, 512)]),
        reference("brown", brown, 1.0, 3, [("all", 8, 250)]),
        reference("periodic", periodic, 1.0, 10, [("all", 8, 125)]),
        reference("ldf", ldf_stretch(), 32.0, 8, [("short", 1, 10), ("long", 10, 40)]),
    ]
    doc = {"neurokit2": nk.__version__, "numpy": np.__version__, "python": sys.version.split()[0],
           "seed": 20261202, "signals": signals}
    (HERE / "complexity.json").write_text(json.dumps(doc, indent=1) + "\n")


if __name__ == "__main__":
    main()
