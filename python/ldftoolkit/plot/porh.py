"""The PORH curve of each occlusion with its measured parameters drawn where they were measured."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from .._units import unit_of
from ._frames import require_columns
from ._recording import channel_trace, drawable
from .style import OKABE_ITO, axis_label, figure_style, new_figure

COLOURS = {
    "flux": "0.35", "rest": OKABE_ITO["blue"], "zero": "0.0", "occlusion": "0.88",
    "debt": OKABE_ITO["orange"], "repayment": OKABE_ITO["bluish_green"], "peak": OKABE_ITO["vermillion"],
    "times": OKABE_ITO["reddish_purple"], "duration": OKABE_ITO["sky_blue"], "fit": "0.0",
}
"""One colour per element; the peak (vermillion) differs from the recovery's repayment area (green)."""
FIRST_REST = "before_first_occlusion"
"""`rest_reference` of an occlusion whose rest flux is the first occlusion's (docs/METHODS.md §7.3)."""
RECOVERY_LEVELS = {"t75_s": 0.75, "t50_s": 0.50, "t25_s": 0.25}
"""Recovery times and the fraction X of (peak − end level) each is read at (docs/METHODS.md §7.3)."""
WINDOW_ALPHA = 0.15
"""Opacity of the analysis windows' shading (rest, biological zero, peak search, plateau)."""


def porh(recording: pd.DataFrame, occlusions: pd.DataFrame, *, channel: str | None = None,
         title: str | None = None) -> Figure:
    """The flux around each occlusion (one panel each) with rest, biological zero, peak, T75/T50/T25,
    hyperaemia duration, debt and repayment areas and the fitted transient, each in the legend.

    `recording` is the `ldftoolkit.export` of the recording and `occlusions` its `ldftoolkit.porh`
    result (one row per occlusion, docs/METHODS.md §7.3–7.4; rows may be selected, keeping their
    index). The rest, biological-zero, peak-search and plateau windows are shaded where `ldf`
    measured them (`occlusions.attrs["windows"]`, by row index). Values that are null are left out.
    """
    require_columns(occlusions, ["start_s", "release_s", "rest_flux"], "plot.porh")
    name = channel or (str(occlusions["channel"].iloc[0]) if "channel" in occlusions.columns else None)
    flux = channel_trace(recording, name)
    unit = unit_of(occlusions, "rest_flux")
    windows = _windows(occlusions)
    rows = list(occlusions.itertuples(index=True))
    with figure_style():
        fig, axes = new_figure("double", 20 + 62 * len(rows), nrows=len(rows), squeeze=False)
        for index, (ax, row) in enumerate(zip(axes[:, 0], rows)):
            following = rows[index + 1].start_s if index + 1 < len(rows) else None
            _draw_occlusion(ax, flux.time_s, flux.values, row._asdict(), windows[row.Index], unit, following)
            number = getattr(row, "occlusion", getattr(row, "index", index + 1))
            ax.set_title(f"Occlusion {number}: {row.start_s:.1f}–{row.release_s:.1f} s", loc="left")
            ax.set_ylabel(axis_label(flux.name, unit))
            ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0)
        axes[-1, 0].set_xlabel(axis_label("Time", "s"))
        fig.suptitle(title or "Post-occlusive reactive hyperaemia")
    return fig


def _draw_occlusion(ax: Axes, time_s: np.ndarray, values: np.ndarray, row: dict[str, Any],
                    windows: dict[str, Any], unit: str, following: float | None) -> None:
    start, release = float(row["start_s"]), float(row["release_s"])
    end = _recovery_end(row, time_s, following, release)
    rest_window = _window(windows, "rest")
    own_rest = rest_window is not None and row.get("rest_reference") != FIRST_REST
    left = rest_window[0] - 10 if own_rest else start - 0.5 * (release - start) - 10  # type: ignore[index]
    shown = (time_s >= left) & (time_s <= end)
    ax.plot(*drawable(time_s[shown], values[shown]), color=COLOURS["flux"], lw=0.6, label="Flux")
    ax.axvspan(start, release, color=COLOURS["occlusion"], lw=0, zorder=0,
               label=f"Occlusion ({release - start:.0f} s)")
    rest = _number(row.get("rest_flux"))
    if rest is not None and not own_rest:
        ax.axhline(rest, color=COLOURS["rest"], lw=1.2, ls=":",
                   label=f"Rest flux {rest:.3g} {unit} (before occlusion 1: no clean baseline here)")
    elif rest is not None:
        _level_over_window(ax, rest_window, rest, COLOURS["rest"], f"Rest flux {rest:.3g} {unit}")  # type: ignore[arg-type]
        ax.axhline(rest, color=COLOURS["rest"], lw=0.6, ls=":")
    if rest is not None:
        _shade_areas(ax, time_s, values, row, rest, start, release, unit)
    zero, zero_window = _number(row.get("biological_zero")), _window(windows, "biological_zero")
    if zero is not None and zero_window is not None:
        _level_over_window(ax, zero_window, zero, COLOURS["zero"], f"Biological zero {zero:.3g} {unit}")
    _shade_window(ax, _window(windows, "peak_search"), COLOURS["peak"], "Peak search window")
    plateau, plateau_window = _number(row.get("plateau_flux")), _window(windows, "plateau")
    if plateau is not None and plateau_window is not None:
        _level_over_window(ax, plateau_window, plateau, COLOURS["times"], f"Plateau {plateau:.3g} {unit}")
    _draw_peak_and_times(ax, row, unit)
    _draw_fit(ax, row, end)
    duration = _number(row.get("hyperaemia_duration_s"))
    if duration is not None and rest is not None:
        ax.plot([release, release + duration], [rest * 0.5] * 2, color=COLOURS["duration"], lw=1.5,
                marker="|", markersize=8, label=f"Hyperaemia duration {duration:.1f} s")
    ax.set_xlim(left, end)
    ax.set_ylim(bottom=min(0.0, float(np.nanmin(values[shown])) if shown.any() else 0.0))


def _windows(occlusions: pd.DataFrame) -> dict[Any, dict[str, Any]]:
    """Each row's analysis windows (`attrs["windows"]` of `ldftoolkit.porh`, in the order of its
    rows), by row index."""
    listed = occlusions.attrs.get("windows")
    if not isinstance(listed, list):
        raise ValueError("plot.porh needs the occlusions' analysis windows in attrs['windows']; pass a ldftoolkit.porh result")
    missing = [i for i in occlusions.index if not (isinstance(i, (int, np.integer)) and 0 <= i < len(listed))]
    if missing:
        raise ValueError(f"rows {missing} have no entry in attrs['windows'] ({len(listed)} occlusions); "
                         "select rows of the ldftoolkit.porh result without resetting its index")
    return {i: listed[i] or {} for i in occlusions.index}


def _window(windows: dict[str, Any], name: str) -> tuple[float, float] | None:
    """The window `name` (start, end in s on the file's axis), or None where `ldf` could not place it."""
    window = windows.get(name)
    if not isinstance(window, dict):
        return None
    return float(window["start_s"]), float(window["end_s"])


def _shade_window(ax: Axes, window: tuple[float, float] | None, colour: str, label: str | None = None) -> None:
    if window is not None:
        ax.axvspan(*window, color=colour, alpha=WINDOW_ALPHA, lw=0, zorder=0.5,
                   label=None if label is None else f"{label} ({_length(window)})")


def _level_over_window(ax: Axes, window: tuple[float, float], level: float, colour: str, label: str) -> None:
    """A measured level drawn over the window it was measured in, the window shaded."""
    _shade_window(ax, window, colour)
    ax.plot(list(window), [level, level], color=colour, lw=2, label=f"{label} ({_length(window)} window)")


def _length(window: tuple[float, float]) -> str:
    return f"{window[1] - window[0]:.3g} s"


def _shade_areas(ax: Axes, time_s: np.ndarray, values: np.ndarray, row: dict[str, Any], rest: float,
                 start: float, release: float, unit: str) -> None:
    debt = _number(row.get("debt_area"))
    during = (time_s >= start) & (time_s < release)
    if debt is not None and during.any():
        ax.fill_between(time_s[during], values[during], rest, where=values[during] < rest, color=COLOURS["debt"],
                        alpha=0.35, lw=0, label=f"Debt area {debt:.4g} {unit}·s")
    repayment, duration = _number(row.get("repayment_area")), _number(row.get("hyperaemia_duration_s"))
    if repayment is not None and duration is not None:
        after = (time_s >= release) & (time_s < release + duration)
        ax.fill_between(time_s[after], values[after], rest, where=values[after] > rest, color=COLOURS["repayment"],
                        alpha=0.35, lw=0, label=f"Repayment area {repayment:.4g} {unit}·s")


def _draw_peak_and_times(ax: Axes, row: dict[str, Any], unit: str) -> None:
    peak, peak_time = _number(row.get("peak_flux")), _number(row.get("peak_time_s"))
    if peak is None or peak_time is None:
        return
    to_peak = _number(row.get("time_to_peak_s"))
    after = f", {to_peak:.1f} s after release" if to_peak is not None else ""
    ax.plot([peak_time], [peak], marker="v", ls="none", markersize=7, color=COLOURS["peak"],
            markeredgecolor="black", markeredgewidth=0.5, label=f"Peak {peak:.3g} {unit}{after}", zorder=5)
    end_level = _number(row.get("plateau_flux"))
    end_level = end_level if end_level is not None else _number(row.get("rest_flux"))
    points = [(key, _number(row.get(key)), fraction) for key, fraction in RECOVERY_LEVELS.items()]
    points = [(key, t, fraction) for key, t, fraction in points if t is not None and end_level is not None]
    for key, t, fraction in points:
        level = end_level + fraction * (peak - end_level)
        ax.plot([peak_time + t], [level], marker="o", ls="none", markersize=4, color=COLOURS["times"], zorder=5)
        ax.annotate(key[:3].upper(), (peak_time + t, level), xytext=(4, 3), textcoords="offset points", fontsize=6,
                    color=COLOURS["times"])
    if points:
        method = row.get("recovery_times_method")
        times = ", ".join(f"{t:.1f}" for _, t, _ in points)
        ax.plot([], [], marker="o", ls="none", markersize=4, color=COLOURS["times"],
                label=f"T75, T50, T25: {times} s" + (f" ({method})" if isinstance(method, str) else ""))


def _draw_fit(ax: Axes, row: dict[str, Any], end: float) -> None:
    """The stretched exponential a exp(−((t − t_peak)/b)^c) + d of docs/METHODS.md §7.4, drawn from the peak."""
    a, b, c, d = (_number(row.get(k)) for k in ("fit_a", "fit_b_s", "fit_c", "fit_d"))
    peak_time, r2 = _number(row.get("peak_time_s")), _number(row.get("fit_r2"))
    if None in (a, b, c, d, peak_time) or end <= peak_time:  # type: ignore[operator]
        return
    t = np.linspace(0.0, end - peak_time, 400)  # type: ignore[operator]
    ax.plot(peak_time + t, a * np.exp(-(t / b) ** c) + d, color=COLOURS["fit"], ls="--", lw=1.0,  # type: ignore[operator]
            label="Fitted transient" + (f" (R² {r2:.3f})" if r2 is not None else ""))


def _recovery_end(row: dict[str, Any], time_s: np.ndarray, following: float | None, release: float) -> float:
    end = following if following is not None else float(np.nanmax(time_s))
    return max(end, release + 1.0)


def _number(value: Any) -> float | None:
    if value is None or isinstance(value, str):
        return None
    return None if math.isnan(float(value)) else float(value)
