"""Paired conditions of a study: each subject's two values joined by a line, one colour per subject."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from .._units import unit_of
from ._frames import preset, require_columns
from ._study import choose, p_text, test_name, tests_for
from .style import CYCLE, axis_label, band_label, figure_style, measure_label, new_figure, site_label

MARKERS = ["o", "s", "^", "D", "v", "P", "X", "*"]
"""Markers cycled with the colours, so more than eight subjects stay distinguishable."""


def paired(values: pd.DataFrame, comparisons: pd.DataFrame | None = None, *, measure: str = "amplitude",
           band: str | None = None, site: str | None = None, conditions: tuple[str, str] | None = None,
           title: str | None = None) -> Figure:
    """One panel per group: every subject's value in two conditions joined by a line in its own colour,
    with the paired test (Wilcoxon signed-rank, docs/METHODS.md §12.1) and its corrected p.

    `values` is a study table with `subject`, `group`, `site`, `condition` and the `measure` column
    (the bands table, with `band`; or the PORH table); `comparisons` the study's comparisons.
    """
    require_columns(values, ["subject", "group", "site", "condition", measure], "plot.paired")
    rows = values
    if "band" in rows.columns:
        band = choose(rows, "band", band)
        rows = rows[rows["band"].astype(str) == band]
    paired_sites = [str(s) for s, r in rows.groupby("site", sort=False) if r["condition"].nunique() > 1]
    chosen_site = choose(rows, "site", site, prefer=paired_sites[0] if paired_sites else None)
    rows = rows[rows["site"].astype(str) == chosen_site]
    levels = conditions or _two_conditions(rows)
    rows = rows[rows["condition"].astype(str).isin(levels)]
    table = rows.pivot_table(index=["group", "subject"], columns="condition", values=measure, aggfunc="mean")
    table = table.reindex(columns=list(levels)).dropna()
    if table.empty:
        raise ValueError(f"no subject has {measure} in both {levels[0]!r} and {levels[1]!r} at {chosen_site}")
    groups = list(dict.fromkeys(table.index.get_level_values("group")))
    analysis = "bands" if "band" in values.columns else "porh"
    with figure_style():
        fig, axes = new_figure("single" if len(groups) == 1 else "double", 70, ncols=len(groups),
                               sharey=True, squeeze=False)
        order = {subject: index for index, subject in enumerate(table.index.get_level_values("subject"))}
        for ax, group in zip(axes[0], groups):
            subjects = table.loc[group]
            for subject, pair in subjects.iterrows():
                index = order[subject]
                ax.plot([0, 1], pair.to_numpy(float), color=CYCLE[index % len(CYCLE)],
                        marker=MARKERS[(index // len(CYCLE)) % len(MARKERS)], ms=4, lw=1.0, label=str(subject))
            tests = tests_for(comparisons, analysis=analysis, measure=measure, band=band, site=chosen_site,
                              group=group, design="paired_conditions", level_a=levels[0], level_b=levels[1])
            summary = "; ".join(f"{test_name(t)}, {p_text(t)}" for _, t in tests.iterrows()) or "no test"
            ax.set_title(f"{group} (n = {len(subjects)} pairs)\n{summary}", fontsize=7)
            ax.set_xticks([0, 1], list(levels))
            ax.set_xlim(-0.3, 1.3)
            ax.legend(title="Subject", loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=6, title_fontsize=6)
        axes[0, 0].set_ylabel(axis_label(measure_label(measure), unit_of(rows, measure)))
        where = site_label(chosen_site) + (f", {band_label(band, preset(values))} band" if band else "")
        fig.suptitle(title or f"{measure_label(measure)}, {levels[0]} and {levels[1]}: {where}")
    return fig


def _two_conditions(rows: pd.DataFrame) -> tuple[str, str]:
    present = list(dict.fromkeys(rows["condition"].astype(str)))
    if len(present) < 2:
        raise ValueError(f"a paired plot needs two conditions; the rows have {present}")
    first = "baseline" if "baseline" in present else present[0]
    second = next(c for c in present if c != first)
    return first, second
