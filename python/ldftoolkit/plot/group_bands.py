"""Band values of a study per group: box plots on one shared scale per measure, with every recording."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from .._units import unit_of
from ._frames import preset, require_columns
from ._study import choose, p_text, tests_for
from .style import CYCLE, axis_label, band_label, figure_style, measure_label, new_figure, site_label

JITTER_SEED = 20240607
"""Seed of the horizontal jitter of the points, so a figure is drawn the same every time."""


def band_boxplots(bands: pd.DataFrame, comparisons: pd.DataFrame | None = None, *, measure: str = "amplitude",
                  condition: str | None = None, title: str | None = None) -> Figure:
    """One panel per site and band, the groups side by side: a box (median, quartiles, 1.5 IQR whiskers)
    and each recording as a jittered point, every panel on the same y scale (from 0 for values that
    cannot be negative), n under each box and the corrected p of the between-group test above it.

    `bands` is the study's band table (`ldftoolkit.study(...)` bands, one row per recording and band);
    `comparisons` its comparisons table (docs/METHODS.md §12). Outliers are drawn once, as points.
    """
    require_columns(bands, ["group", "site", "condition", "band", measure], "plot.band_boxplots")
    chosen = choose(bands, "condition", condition, prefer="baseline")
    rows = bands[bands["condition"].astype(str) == chosen]
    sites = list(dict.fromkeys(rows["site"].astype(str)))
    band_names = list(dict.fromkeys(rows["band"].astype(str)))
    groups = sorted(rows["group"].dropna().astype(str).unique())
    values = rows[measure].astype(float)
    jitter = np.random.default_rng(JITTER_SEED)
    with figure_style():
        fig, axes = new_figure("double", 18 + 52 * len(sites), nrows=len(sites), ncols=len(band_names),
                               sharey=True, squeeze=False)
        for ax_row, site in zip(axes, sites):
            for ax, band in zip(ax_row, band_names):
                here = rows[(rows["site"].astype(str) == site) & (rows["band"].astype(str) == band)]
                samples = [here[here["group"].astype(str) == g][measure].astype(float).dropna().to_numpy() for g in groups]
                _boxes(ax, samples, groups, jitter)
                tests = tests_for(comparisons, analysis="bands", measure=measure, band=band, site=site,
                                  condition=chosen, design="between_groups")
                ax.set_title(f"{band_label(band, preset(bands), wrap=True)}\n"
                             + ("; ".join(p_text(t) for _, t in tests.iterrows()) if len(tests) else "no test"),
                             fontsize=6.5)
        for ax_row, site in zip(axes, sites):
            ax_row[0].set_ylabel(site_label(site), fontweight="bold")
        fig.supylabel(axis_label(measure_label(measure), unit_of(rows, measure)), fontsize=8)
        if values.notna().any() and float(values.min()) >= 0:
            axes[0, 0].set_ylim(bottom=0)
        fig.suptitle(title or f"{measure_label(measure)} per band, {chosen}")
    return fig


def _boxes(ax, samples: list[np.ndarray], groups: list[str], jitter: np.random.Generator) -> None:  # type: ignore[no-untyped-def]
    positions = np.arange(1, len(groups) + 1)
    drawn = [s if len(s) else np.array([np.nan]) for s in samples]
    boxes = ax.boxplot(drawn, positions=positions, widths=0.55, showfliers=False, patch_artist=True,
                       medianprops={"color": "black", "lw": 1.0})
    for patch, index in zip(boxes["boxes"], range(len(groups))):
        patch.set(facecolor=CYCLE[index % len(CYCLE)], alpha=0.25, edgecolor="black", lw=0.6)
    for index, sample in enumerate(samples):
        offsets = jitter.uniform(-0.16, 0.16, len(sample))
        ax.plot(positions[index] + offsets, sample, "o", ms=3, color=CYCLE[index % len(CYCLE)],
                markeredgecolor="black", markeredgewidth=0.3, ls="none")
    ax.set_xticks(positions, [f"{g}\nn = {len(s)}" for g, s in zip(groups, samples)])
    ax.set_xlim(0.4, len(groups) + 0.6)
