"""Band edges and names drawn on a frequency axis (shared by the spectrum, scalogram and group figures)."""

from __future__ import annotations

import math
from collections.abc import Sequence

from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.ticker import FuncFormatter

from ._frames import BandEdges
from .style import band_label

BAND_SHADE = "0.93"
"""Grey of every other band's background."""


def draw_bands_on_x(ax: Axes, bands: Sequence[BandEdges], preset: str | None, show_valid: bool = False) -> None:
    """Shades every other band along a log frequency x axis and writes its name (and valid share) inside.

    The names stand at the top of the axes; callers leave the top third of the y range free for them.
    Only the bands within the axis's current limits (set them first) are drawn, each clipped to them.
    """
    low, high = sorted(ax.get_xlim())
    for index, band in enumerate(visible_bands(bands, low, high)):
        start, end = max(band.low_hz, low), min(band.high_hz, high)
        if index % 2 == 0:
            ax.axvspan(start, end, color=BAND_SHADE, zorder=0, lw=0)
        ax.axvline(start, color="0.75", lw=0.5, zorder=0.5)
        centre = math.sqrt(start * end)
        ax.text(centre, 0.98, _band_text(band, preset, show_valid), transform=ax.get_xaxis_transform(),
                rotation=90, ha="center", va="top", ma="left", fontsize=6, color="0.2", zorder=3,
                linespacing=1.0)


def draw_bands_on_y(ax: Axes, bands: Sequence[BandEdges], preset: str | None) -> None:
    """Draws band edges across a log frequency y axis and names each band beside the axis, on the right.

    Only the bands within the axis's current limits are drawn, each clipped to them.
    """
    low, high = sorted(ax.get_ylim())
    for band in visible_bands(bands, low, high):
        for edge in (band.low_hz, band.high_hz):
            if low < edge < high:
                ax.axhline(edge, color="white", lw=0.6, ls="--")
        centre = math.sqrt(max(band.low_hz, low) * min(band.high_hz, high))
        ax.text(1.01, centre, band_label(band.name, preset), transform=ax.get_yaxis_transform(),
                ha="left", va="center", fontsize=6)


def visible_bands(bands: Sequence[BandEdges], low_hz: float, high_hz: float) -> list[BandEdges]:
    """The bands that overlap the frequency range [low_hz, high_hz]."""
    return [band for band in bands if band.high_hz > low_hz and band.low_hz < high_hz]


def _band_text(band: BandEdges, preset: str | None, show_valid: bool) -> str:
    name = band_label(band.name, preset, wrap=True)
    if not show_valid:
        return name
    if band.valid_fraction is None:
        return f"{name}\nnot resolved" if band.reason else name
    return f"{name}\n{100 * band.valid_fraction:.0f} % valid"


def plain_log_ticks(axis: Axis) -> None:
    """Writes the ticks of a log axis as plain numbers (0.01, 0.1, 1), not powers of ten."""
    axis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:g}"))
    axis.set_minor_formatter(FuncFormatter(lambda value, _: ""))
