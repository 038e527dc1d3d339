"""Selecting a study's rows and its tests (the `ldftoolkit.study` tables, docs/METHODS.md §12)."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

SIGNIFICANCE = 0.05
"""Level below which a corrected p-value marks a difference."""
TEST_NAMES = {"mann_whitney_u": "Mann–Whitney U", "wilcoxon_signed_rank": "Wilcoxon signed-rank"}
ADJUSTMENT_NAMES = {"holm": "Holm", "bh": "BH", "benjamini_hochberg": "BH", "none": "uncorrected"}


def choose(frame: pd.DataFrame, column: str, wanted: str | None, prefer: str | None = None) -> str:
    """A value of `column`: `wanted` (checked), else `prefer` when present, else the first."""
    present = list(dict.fromkeys(frame[column].dropna().astype(str)))
    if not present:
        raise ValueError(f"the table has no {column!r} values")
    if wanted is not None:
        if wanted not in present:
            raise ValueError(f"{column} {wanted!r} is not in the table ({', '.join(present)})")
        return wanted
    return prefer if prefer in present else present[0]


def tests_for(comparisons: pd.DataFrame | None, **match: Any) -> pd.DataFrame:
    """The comparison rows whose columns equal `match` (None matches an empty cell)."""
    if comparisons is None or comparisons.empty:
        return pd.DataFrame()
    keep = np.ones(len(comparisons), dtype=bool)
    for column, value in match.items():
        if column not in comparisons.columns:
            continue
        cells = comparisons[column]
        keep &= cells.isna().to_numpy() if value is None else (cells.astype(str) == str(value)).to_numpy()
    return comparisons[keep]


def p_text(test: pd.Series) -> str:
    """`Holm p = 0.033` (the corrected p and its correction), or the reason there is no test."""
    adjusted = test.get("p_adjusted")
    if adjusted is None or (isinstance(adjusted, float) and math.isnan(adjusted)):
        reason = test.get("reason")
        return f"no test ({reason})" if isinstance(reason, str) and reason else "no test"
    method = ADJUSTMENT_NAMES.get(str(test.get("adjustment")), str(test.get("adjustment")))
    return f"{method} p = {_p(float(adjusted))}"


def test_name(test: pd.Series) -> str:
    """The human name of a comparison's test."""
    return TEST_NAMES.get(str(test.get("test")), str(test.get("test")).replace("_", " "))


def _p(value: float) -> str:
    return "< 0.001" if value < 0.001 else f"{value:.2g}" if value < 0.01 else f"{value:.2f}"
