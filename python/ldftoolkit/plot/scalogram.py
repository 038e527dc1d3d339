"""The scalogram: wavelet amplitude over time and log frequency, with the cone of influence and bands."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from .._units import unit_of
from ._bands import draw_bands_on_y, plain_log_ticks
from ._frames import band_edges, one_channel, preset, require_columns
from .style import axis_label, figure_style, new_figure

CONE_SHADE = (1.0, 1.0, 1.0, 0.55)
"""Veil over the coefficients outside the cone of influence (RGBA)."""


def scalogram(scalogram: pd.DataFrame, bands: pd.DataFrame | None = None, *, channel: str | None = None,
              title: str | None = None) -> Figure:
    """|W| against time and frequency (log axis), the cone of influence veiled and outlined, bands named.

    `scalogram` is the long table `ldf spectrum --scalogram` writes (columns `time_s`,
    `frequency_hz`, `amplitude`, `in_cone`; docs/METHODS.md §3.5 and §3.7); `bands` an optional
    `ldftoolkit.bands` result for the band edges, else they come from the scalogram's parameters.
    """
    require_columns(scalogram, ["time_s", "frequency_hz", "amplitude", "in_cone"], "plot.scalogram")
    rows = one_channel(scalogram, channel)
    amplitude = rows.pivot_table(index="frequency_hz", columns="time_s", values="amplitude", aggfunc="first")
    inside = rows.assign(in_cone=_as_bool(rows["in_cone"])).pivot_table(
        index="frequency_hz", columns="time_s", values="in_cone", aggfunc="first").astype(bool)
    times, frequencies = amplitude.columns.to_numpy(float), amplitude.index.to_numpy(float)
    with figure_style():
        fig, ax = new_figure("double", 70)
        mesh = ax.pcolormesh(times, frequencies, amplitude.to_numpy(float), shading="nearest", rasterized=True)
        ax.pcolormesh(times, frequencies, np.ma.masked_where(inside.to_numpy(), np.ones(inside.shape)),
                      shading="nearest", cmap=_veil(), vmin=0, vmax=1, rasterized=True)
        _outline_cone(ax, times, frequencies, inside.to_numpy())
        ax.set_yscale("log")
        plain_log_ticks(ax.yaxis)
        ax.set_ylim(frequencies.min(), frequencies.max())
        draw_bands_on_y(ax, band_edges(bands, scalogram), preset(bands if bands is not None else scalogram))
        ax.set_xlabel(axis_label("Time", unit_of(scalogram, "time_s")))
        ax.set_ylabel(axis_label("Frequency", unit_of(scalogram, "frequency_hz")))
        colorbar = fig.colorbar(mesh, ax=ax, pad=0.12)
        colorbar.set_label(axis_label("Wavelet amplitude |W|", unit_of(scalogram, "amplitude")))
        ax.set_title(title or "Scalogram (veiled: outside the cone of influence)")
    return fig


def _as_bool(values: pd.Series) -> pd.Series:
    if values.dtype == bool:
        return values
    return values.astype(str).str.lower().isin(["true", "1", "yes"])


def _veil():  # type: ignore[no-untyped-def]
    from matplotlib.colors import ListedColormap
    return ListedColormap([CONE_SHADE])


def _outline_cone(ax, times: np.ndarray, frequencies: np.ndarray, inside: np.ndarray) -> None:  # type: ignore[no-untyped-def]
    """Draws the first and last in-cone time of every frequency as the cone's edges."""
    has_valid = inside.any(axis=1)
    first = np.where(has_valid, times[np.argmax(inside, axis=1)], np.nan)
    last = np.where(has_valid, times[len(times) - 1 - np.argmax(inside[:, ::-1], axis=1)], np.nan)
    for edge in (first, last):
        ax.plot(edge, frequencies, color="white", lw=1.0, ls="-", drawstyle="steps-mid")
