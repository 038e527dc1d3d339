"""Seeded Monte Carlo of PORH peak estimators on the simulator's noise-free model plus its noise, and the
Cramér-Rao bound of that model (docs/METHODS.md §7.3, "Why T75/T50/T25 come from a fit", limit 1).

Per case (the sweep's site presets and loading protocol, mostly at 2 Hz): the model of
`PORHSimulation` (quarter-sine rise, stretched-exponential decay), vasomotion as in the simulator
(abolished at the peak), white noise of the simulator's level, a random sampling phase. Estimators,
emulated in numpy: the former parabola vertex over the smoothed peak's top, and the peak-shape fit
(`PeakShapeFit`: a parabola top before t0, the transient from t0). Prints bias, SD and the share
missing the goals (1 s, 2 %), then the bound on SD(time to peak) and SD(PF)/PF for an estimator that
knows the model's shape (level at release, PF, time to peak, b and c free; white noise only).

Usage: python3 benchmarks/porh-peak-montecarlo.py [draws per case, default 200]
"""
import numpy as np
from scipy.optimize import least_squares
import sys

def model(t, tr, Fr, PF, Tp, b, c, d):
    tp = tr + Tp
    y = np.where(t < tp, Fr + (PF - Fr) * np.sin(np.pi / 2 * np.clip((t - tr) / Tp, 0, 1)),
                 d + (PF - d) * np.exp(-(np.maximum(t - tp, 0) / b) ** c))
    return y

def moving_mean(x, h):
    k = np.ones(2 * h + 1) / (2 * h + 1)
    return np.convolve(x, k, mode="same")

def parabola_peak(t, F, S, tr, rf, fs, smoothing):
    """The toolkit's current rule: vertex of a parabola over the top of the smoothed maximum."""
    i = int(np.argmax(np.where(t >= tr, S, -np.inf)))
    h = max(2, smoothing)
    top = S[i] - 0.1 * (S[i] - rf)
    lim = int(10 * fs); lo = i; hi = i
    while lo > max(0, i - lim) and not (S[lo - 1] < top): lo -= 1
    while hi < min(len(S) - 1, i + lim) and not (S[hi + 1] < top): hi += 1
    h = max(h, min(i - lo, hi - i) / fs)
    m = (t >= max(t[i] - h, tr)) & (t < t[i] + h)
    x = t[m] - t[i]
    c2, c1, c0 = np.polyfit(x, F[m], 2)
    if c2 >= 0: return t[i], S[i]
    v = -c1 / (2 * c2); v = min(max(v, -h), h)
    return max(tr, t[i] + v), S[i]

def shape_fit_peak(t, F, S, tr, E, fs, t_end, left_fraction=0.5):
    """Joint fit: a quadratic top before t0, the stretched exponential after it (end level E held)."""
    i = int(np.argmax(np.where(t >= tr, S, -np.inf)))
    PF = S[i]
    # left edge: last time before the maximum where smoothed flux is below E + left_fraction (PF - E), not before release
    j = i
    while j > 0 and t[j - 1] >= tr and S[j - 1] >= E + left_fraction * (PF - E): j -= 1
    m = (t >= t[j]) & (t <= t_end)
    tt, yy = t[m], F[m]
    def f(p, tt):
        t0, P, k, lb, lc = p
        b, c = np.exp(lb), np.exp(lc)
        left = P - k * (t0 - tt) ** 2
        right = E + (P - E) * np.exp(-(np.maximum(tt - t0, 0) / b) ** c)
        return np.where(tt < t0, left, right)
    best = None
    for c0 in [0.8, 1.2]:
        p0 = [t[i], PF, max((PF - S[j]) / max((t[i] - t[j]) ** 2, 1), 1e-6), np.log(20), np.log(c0)]
        try:
            r = least_squares(lambda p: f(p, tt) - yy, p0, method="lm")
        except Exception:
            continue
        if best is None or r.cost < best.cost: best = r
    t0, P = best.x[0], best.x[1]
    return t0, P

def run(case, n, seed0=0, flowmotion=True):
    fs = case["fs"]; rng = np.random.default_rng(seed0)
    res = {"parabola_t": [], "shape_t": [], "smooth_peak": [], "shape_peak": []}
    for s in range(n):
        L = case["L"]; tr = 100.0; Tp = case["Tp"]; PF = case["ratio"] * L; d = case["plateau"] * L
        t_end = tr + case["recovery"]
        t = np.arange(0, t_end, 1 / fs) + rng.uniform(0, 1 / fs)  # random sampling phase
        F0 = model(t, tr, case["bz"], PF, Tp, case["b"], case["c"], d)
        F = F0.copy()
        if flowmotion:
            w = 1 - np.clip((F0 - L) / (PF - L), 0, 1); w[t < tr] = 1
            motion = sum(0.05 * share * w * np.sin(2 * np.pi * fr * t + rng.uniform(0, 2 * np.pi))
                         for fr, share in [(0.01, .3), (0.03, .25), (0.1, .2), (0.25, .1)] if fr < 0.4 * fs)
            F = F0 * (1 + motion)
        F = F + case["noise"] * L * rng.standard_normal(len(t))
        h = int(round(case["smoothing"] * fs / 2))
        S = moving_mean(F, h)
        tp_true = tr + Tp
        pt, sp = parabola_peak(t, F, S, tr, L, fs, case["smoothing"])
        res["parabola_t"].append(pt - tp_true); res["smooth_peak"].append(sp / PF - 1)
        st, P = shape_fit_peak(t, F, S, tr, d, fs, t_end)
        res["shape_t"].append(st - tp_true); res["shape_peak"].append(P / PF - 1)
    out = {}
    for k, v in res.items():
        v = np.array(v)
        lim = 0.02 if "peak" in k else 1.0
        out[k] = (v.mean(), v.std(), np.mean(np.abs(v) > lim))
    return out

cases = {
    "loading-mid": dict(fs=2, L=50, bz=9, ratio=3, Tp=15, b=42, c=1.25, plateau=1.0, noise=0.05, recovery=90, smoothing=2),
    "loading-fast": dict(fs=2, L=50, bz=9, ratio=3, Tp=10, b=35, c=1.1, plateau=1.0, noise=0.05, recovery=90, smoothing=2),
    "finger-10%": dict(fs=2, L=250, bz=12, ratio=1.8, Tp=7, b=20, c=1.3, plateau=0.95, noise=0.10, recovery=300, smoothing=2),
    "hallux-10%": dict(fs=2, L=150, bz=8, ratio=2, Tp=9, b=25, c=1.2, plateau=0.95, noise=0.10, recovery=300, smoothing=2),
    "calf-10%": dict(fs=2, L=8, bz=2.5, ratio=4.5, Tp=10, b=35, c=1.0, plateau=0.95, noise=0.10, recovery=300, smoothing=3),
    "forearm-5%": dict(fs=2, L=10, bz=3, ratio=5, Tp=9, b=30, c=1.1, plateau=0.95, noise=0.05, recovery=300, smoothing=3),
    "loading-10Hz": dict(fs=10, L=50, bz=9, ratio=3, Tp=15, b=42, c=1.25, plateau=1.0, noise=0.05, recovery=90, smoothing=2),
}
def crlb(case, free_d=False):
    fs = case["fs"]; L = case["L"]; tr = 100.0
    t = np.arange(tr - 5, tr + case["recovery"], 1 / fs)
    p = np.array([case["bz"], case["ratio"] * L, case["Tp"], case["b"], case["c"], case["plateau"] * L])
    names = ["Fr", "PF", "Tp", "b", "c", "d"]
    free = [0, 1, 2, 3, 4] + ([5] if free_d else [])
    def f(q):
        return model(t, tr, *q)
    J = []
    for k in free:
        h = 1e-5 * max(abs(p[k]), 1)
        up = p.copy(); up[k] += h; dn = p.copy(); dn[k] -= h
        J.append((f(up) - f(dn)) / (2 * h))
    J = np.array(J).T
    sigma = case["noise"] * L
    cov = np.linalg.inv(J.T @ J / sigma**2)
    sd = np.sqrt(np.diag(cov))
    return {names[k]: sd[i] for i, k in enumerate(free)}
if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    for name, case in cases.items():
        out = run(case, n)
        print(name, "  ".join(f"{k}: bias {m:+.3f} sd {s:.3f} miss {100*p:.0f}%" for k, (m, s, p) in out.items()))
    for name, case in cases.items():
        s = crlb(case)
        print(f"{name:14s} bound: SD(time to peak) >= {s['Tp']:.3f} s, SD(PF)/PF >= {100 * s['PF'] / (case['ratio'] * case['L']):.2f} %")
