"""Reference values for the rank tests and p-value corrections of LDFStudy.

Writes stats_fixtures.json next to this script. Run from the repository root:

    python3 Tests/Fixtures/stats/make_stats_fixtures.py

Needs numpy and scipy (any recent version; the committed file was made with scipy 1.17.1).
The method of each test is chosen by the toolkit's documented rule (see
Sources/LDFStudy/RankTestMethod.swift), decided here independently, and scipy is called with that
method explicitly, so the reference does not depend on scipy's own `auto` choice.
"""
import json
import os

import numpy as np
import scipy
from scipy import stats

rng = np.random.default_rng(20261121)


def mwu_method(a, b):
    values = np.concatenate([a, b])
    ties = len(np.unique(values)) != len(values)
    return "asymptotic" if (len(a) > 8 and len(b) > 8) or ties else "exact"


def wilcoxon_method(first, second):
    d = np.asarray(second) - np.asarray(first)
    nonzero = d[d != 0]
    ties = len(np.unique(np.abs(nonzero))) != len(nonzero)
    return "asymptotic" if (len(nonzero) < len(d)) or ties or len(nonzero) > 50 else "exact"


def mwu_case(name, a, b):
    a, b = np.asarray(a, float), np.asarray(b, float)
    method = mwu_method(a, b)
    res = stats.mannwhitneyu(a, b, alternative="two-sided", method=method, use_continuity=True)
    u1 = res.statistic
    return {"name": name, "a": a.tolist(), "b": b.tolist(), "method": method,
            "statistic": float(u1), "p": float(res.pvalue),
            "rank_biserial": float((2 * u1 - len(a) * len(b)) / (len(a) * len(b)))}


def wilcoxon_case(name, first, second):
    first, second = np.asarray(first, float), np.asarray(second, float)
    method = wilcoxon_method(first, second)
    d = second - first
    res = stats.wilcoxon(d, zero_method="wilcox", correction=True, alternative="two-sided", method=method)
    nonzero = d[d != 0]
    ranks = stats.rankdata(np.abs(nonzero))
    plus, minus = ranks[nonzero > 0].sum(), ranks[nonzero < 0].sum()
    return {"name": name, "first": first.tolist(), "second": second.tolist(), "method": method,
            "statistic": float(res.statistic), "p": float(res.pvalue),
            "rank_biserial": float((plus - minus) / (plus + minus))}


mwu = [
    mwu_case("exact 5 vs 6", rng.normal(0, 1, 5).round(3), rng.normal(1, 1, 6).round(3)),
    mwu_case("exact 3 vs 12", rng.normal(0, 1, 3).round(3), rng.normal(0.5, 1, 12).round(3)),
    mwu_case("exact separated 4 vs 4", [1, 2, 3, 4], [5, 6, 7, 8]),
    mwu_case("asymptotic 15 vs 15", rng.normal(0, 1, 15).round(4), rng.normal(0.8, 1, 15).round(4)),
    mwu_case("asymptotic ties 6 vs 7", [1, 2, 2, 3, 5, 5], [2, 4, 5, 6, 6, 7, 9]),
    mwu_case("asymptotic 40 vs 25 skewed", rng.lognormal(0, 1, 40).round(3), rng.lognormal(0.4, 1, 25).round(3)),
    mwu_case("all equal", [3, 3, 3], [3, 3, 3, 3]),
]

wilcoxon = []
base = rng.normal(10, 2, 8).round(3)
wilcoxon.append(wilcoxon_case("exact 8 pairs", base, (base + rng.normal(0.8, 1, 8)).round(3)))
base = rng.normal(10, 2, 20).round(3)
wilcoxon.append(wilcoxon_case("exact 20 pairs", base, (base + rng.normal(0.3, 1, 20)).round(3)))
wilcoxon.append(wilcoxon_case("all increase 6", [1, 2, 3, 4, 5, 6], [2.5, 3.1, 5.2, 4.4, 9, 6.7]))
wilcoxon.append(wilcoxon_case("zeros and ties", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
                              [1, 3, 4, 4, 7, 8, 6, 9, 12, 10]))
base = rng.normal(5, 1, 60).round(3)
wilcoxon.append(wilcoxon_case("asymptotic 60 pairs", base, (base + rng.normal(0.2, 0.7, 60)).round(3)))

p_values = [0.01, 0.04, 0.03, 0.005, 0.2, 0.04, 0.5, 0.001]
bh = {"p": p_values, "adjusted": stats.false_discovery_control(p_values, method="bh").tolist()}

out = {"generator": "Tests/Fixtures/stats/make_stats_fixtures.py", "scipy": scipy.__version__, "numpy": np.__version__,
       "mannwhitneyu": mwu, "wilcoxon": wilcoxon, "benjamini_hochberg": bh}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "stats_fixtures.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
print(f"wrote {path}")
