"""Group median spectra of a study with their interquartile ranges and the frequencies where groups differ."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from .._units import unit_of
from ._bands import draw_bands_on_x, plain_log_ticks
from ._frames import band_edges, preset, require_columns
from ._study import ADJUSTMENT_NAMES, SIGNIFICANCE, choose
from .style import CYCLE, axis_label, figure_style, measure_label, new_figure, site_label

IQR_ALPHA = 0.3
"""Opacity of the interquartile shading (its edges are drawn as thin lines too, so it stays visible)."""


def group_spectra(comparisons: pd.DataFrame, spectra: pd.DataFrame | None = None, *, condition: str | None = None,
                  alpha: float = SIGNIFICANCE, title: str | None = None) -> Figure:
    """Per site, each group's median time-averaged spectrum with its IQR shaded, n per group in the
    legend, and a mark above every frequency where the groups differ (corrected p < `alpha`).

    `comparisons` is the study's per-frequency comparisons (`spectra_comparisons`, docs/METHODS.md
    §12.4), between groups, with its units (`attrs["units"]`, each row's `unit`); `spectra` the
    study's spectra table. Band edges come from either table's parameters.
    """
    require_columns(comparisons, ["design", "site", "condition", "frequency_hz", "level_a", "level_b", "median_a",
                                  "q1_a", "q3_a", "median_b", "q1_b", "q3_b", "p_adjusted"], "plot.group_spectra")
    between = comparisons[comparisons["design"] == "between_groups"]
    if between.empty:
        raise ValueError("the spectra comparisons hold no between-group rows (a study with one group?)")
    chosen = choose(between, "condition", condition, prefer="baseline")
    between = between[between["condition"].astype(str) == chosen]
    sites = list(dict.fromkeys(between["site"].astype(str)))
    measure = str(between["measure"].iloc[0]) if "measure" in between.columns else "amplitude"
    unit = unit_of(between, "median_a")
    bands = band_edges(None, comparisons) or (band_edges(None, spectra) if spectra is not None else [])
    named_preset = preset(comparisons) or (preset(spectra) if spectra is not None else None)
    with figure_style():
        fig, axes = new_figure("double", 22 + 58 * len(sites), nrows=len(sites), sharex=True, squeeze=False)
        for ax, site in zip(axes[:, 0], sites):
            rows = between[between["site"].astype(str) == site].sort_values("frequency_hz")
            pair = rows[["level_a", "level_b"]].drop_duplicates().iloc[0]
            rows = rows[(rows["level_a"] == pair.level_a) & (rows["level_b"] == pair.level_b)]
            frequency = rows["frequency_hz"].to_numpy(float)
            ax.set_xscale("log")
            ax.set_xlim(frequency.min(), frequency.max())
            draw_bands_on_x(ax, bands, named_preset)
            handles = [_group(ax, rows, suffix, str(pair[f"level_{suffix}"]), CYCLE[i]) for i, suffix in enumerate("ab")]
            handles.append(_differences(ax, rows, alpha))
            ax.set_ylim(bottom=0, top=1.5 * float(np.nanmax(rows[["q3_a", "q3_b"]].to_numpy(float))))
            ax.set_ylabel(f"{site_label(site)}\n" + axis_label(f"Median {measure_label(measure).lower()}", unit))
            ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0)
        plain_log_ticks(axes[-1, 0].xaxis)
        axes[-1, 0].set_xlabel(axis_label("Frequency", "Hz"))
        fig.suptitle(title or f"Group spectra, {chosen} (median and interquartile range)")
    return fig


def _group(ax, rows: pd.DataFrame, suffix: str, name: str, colour: str) -> Patch:  # type: ignore[no-untyped-def]
    frequency = rows["frequency_hz"].to_numpy(float)
    low, high = rows[f"q1_{suffix}"].to_numpy(float), rows[f"q3_{suffix}"].to_numpy(float)
    ax.fill_between(frequency, low, high, color=colour, alpha=IQR_ALPHA, lw=0, zorder=1)
    for edge in (low, high):
        ax.plot(frequency, edge, color=colour, lw=0.4, zorder=1.5)
    ax.plot(frequency, rows[f"median_{suffix}"], color=colour, lw=1.3, zorder=2)
    n = int(np.nanmax(rows[f"n_{suffix}"].to_numpy(float))) if f"n_{suffix}" in rows.columns else None
    return Patch(facecolor=colour, edgecolor=colour, alpha=0.6, label=f"{name}" + (f" (n = {n})" if n is not None else ""))


def _differences(ax, rows: pd.DataFrame, alpha: float) -> Patch:  # type: ignore[no-untyped-def]
    frequency = rows["frequency_hz"].to_numpy(float)
    differ = rows["p_adjusted"].to_numpy(float) < alpha
    ax.scatter(frequency[differ], np.full(differ.sum(), 0.985), transform=ax.get_xaxis_transform(), marker="s",
               s=6, color="black", lw=0, zorder=4, clip_on=False)
    method = ADJUSTMENT_NAMES.get(str(rows["adjustment"].iloc[0]), str(rows["adjustment"].iloc[0])) \
        if "adjustment" in rows.columns else "corrected"
    return Patch(color="black", label=f"Groups differ ({method} p < {alpha:g}; {differ.sum()} of {len(differ)})")
