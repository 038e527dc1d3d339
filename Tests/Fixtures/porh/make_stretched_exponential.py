"""Reference fits of the PORH transient x(t) = a*exp(-(t/b)**c) + d by scipy.optimize.curve_fit.

Writes stretched_exponential_fits.json: for each case the data (t in s from the peak, y in PU),
the true parameters used to make it, and scipy's least-squares estimate with its R^2.
Regenerate with: python3 make_stretched_exponential.py (numpy and scipy; any recent version).
"""
import json
import numpy as np
from scipy.optimize import curve_fit


def model(t, a, b, c, d):
    return a * np.exp(-(t / b) ** c) + d


CASES = [
    # name, (a, b, c, d), noise SD, duration s, points
    ("forearm_like", (40.0, 30.0, 1.1, 9.5), 1.0, 240.0, 240),
    ("finger_like", (200.0, 20.0, 1.3, 237.0), 8.0, 180.0, 180),
    ("compressed_c07", (5.0, 12.0, 0.7, 2.0), 0.15, 120.0, 200),
    ("steep_c2", (100.0, 25.0, 2.0, 50.0), 3.0, 150.0, 150),
]


def main():
    rng = np.random.default_rng(20261121)
    out = []
    for name, truth, noise, duration, n in CASES:
        t = np.linspace(0.0, duration, n)
        y = model(t, *truth) + noise * rng.standard_normal(n)
        a0 = y[0] - y[-n // 5:].mean()
        p0 = (a0, duration / 6, 1.0, y[-n // 5:].mean())
        p, _ = curve_fit(model, t, y, p0=p0, bounds=([-np.inf, 1e-6, 0.1, -np.inf], [np.inf, np.inf, 10.0, np.inf]),
                         max_nfev=20000, xtol=1e-14, ftol=1e-14, gtol=1e-14)
        residual = y - model(t, *p)
        r2 = 1 - np.sum(residual ** 2) / np.sum((y - y.mean()) ** 2)
        out.append({
            "name": name,
            "truth": dict(zip("abcd", truth)),
            "t": [round(float(v), 10) for v in t],
            "y": [round(float(v), 10) for v in y],
            "scipy": {"a": p[0], "b": p[1], "c": p[2], "d": p[3], "r2": r2},
        })
    with open("stretched_exponential_fits.json", "w") as f:
        json.dump({"generator": "make_stretched_exponential.py", "cases": out}, f, indent=1)


if __name__ == "__main__":
    main()
