"""Epochs: each channel's statistic per named interval, as bars with error bars."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from .._units import unit_of
from ._frames import one_channel, require_columns
from .style import CYCLE, axis_label, figure_style, measure_label, new_figure

ERROR_BARS = {"mean": "sd"}
"""The spread drawn around each statistic: the mean ± its sample SD (docs/METHODS.md §15)."""


def epochs(epochs: pd.DataFrame, *, channel: str | None = None, channels: list[str] | None = None,
           measure: str = "mean", title: str | None = None) -> Figure:
    """Bars of `measure` (mean, median, cvc, change, percent_change) per interval, ± SD for the mean,
    one panel per channel (each in its own unit): `channel` one, `channels` several, else all.

    `epochs` is a `ldftoolkit.epochs` result (one row per interval and channel, docs/METHODS.md §15).
    With several recordings (`source`), their bars stand side by side in each interval.
    """
    require_columns(epochs, ["interval", measure], "plot.epochs")
    present = list(dict.fromkeys(epochs["channel"].astype(str))) if "channel" in epochs.columns else [None]
    names = [channel] if channel is not None else channels or present
    with figure_style():
        fig, axes = new_figure("single", 12 + 50 * len(names), nrows=len(names), squeeze=False)
        for ax, name in zip(axes[:, 0], names):
            _bars(ax, one_channel(epochs, name), measure, name)
        fig.suptitle(title or f"{measure_label(measure)} per interval")
    return fig


def _bars(ax: Axes, rows: pd.DataFrame, measure: str, channel: str | None) -> None:
    sources = list(dict.fromkeys(rows["source"])) if "source" in rows.columns else [None]
    intervals = list(dict.fromkeys(rows["interval"].astype(str)))
    width = 0.8 / len(sources)
    for index, source in enumerate(sources):
        own = rows if source is None else rows[rows["source"] == source]
        values = own.set_index(own["interval"].astype(str)).reindex(intervals)
        positions = np.arange(len(intervals)) + (index - (len(sources) - 1) / 2) * width
        spread = values[ERROR_BARS[measure]] if measure in ERROR_BARS and ERROR_BARS[measure] in values else None
        ax.bar(positions, values[measure], width=width * 0.92, color=CYCLE[index % len(CYCLE)],
               yerr=spread, capsize=2, error_kw={"elinewidth": 0.8, "capthick": 0.8},
               label=None if source is None else str(source).rsplit("/", 1)[-1])
    tilted = len(intervals) > 4
    ax.set_xticks(np.arange(len(intervals)), [_interval_label(rows, name) for name in intervals],
                  rotation=30 if tilted else 0, ha="right" if tilted else "center")
    ax.set_xlabel("Interval")
    quantity = measure_label(measure) + (" ± SD" if measure in ERROR_BARS else "")
    if channel is not None:
        quantity = f"{channel}, {quantity[0].lower()}{quantity[1:]}"
    ax.set_ylabel(axis_label(quantity, unit_of(rows, measure)))
    ax.axhline(0, color="black", lw=0.6)
    if len(sources) > 1:
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))


def _interval_label(rows: pd.DataFrame, name: str) -> str:
    """`NAME\\nSTART–END s` when the rows give the interval's times."""
    if {"start_s", "end_s"} <= set(rows.columns):
        row = rows[rows["interval"].astype(str) == name].iloc[0]
        return f"{name}\n{row.start_s:g}–{row.end_s:g} s"
    return name
