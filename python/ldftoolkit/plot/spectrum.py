"""The time-averaged spectrum of one recording with its named bands and their valid fractions."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from .._units import unit_of
from ._bands import draw_bands_on_x, plain_log_ticks
from ._frames import band_edges, one_channel, preset, require_columns
from .style import OKABE_ITO, axis_label, figure_style, measure_label, new_figure


def spectrum(spectrum: pd.DataFrame, bands: pd.DataFrame | None = None, *, channel: str | None = None,
             title: str | None = None) -> Figure:
    """Time-averaged wavelet amplitude (or Welch density) against frequency on a log axis.

    `spectrum` is a `ldftoolkit.spectrum` result (one row per frequency, docs/METHODS.md §3.6 and
    §5.2); `bands` an optional `ldftoolkit.bands` result of the same recording, whose valid fraction
    (§5.4) is written in each band. Without it the band edges come from the spectrum's parameters.
    """
    require_columns(spectrum, ["frequency_hz"], "plot.spectrum")
    rows = one_channel(spectrum, channel).sort_values("frequency_hz")
    welch = "density" in rows.columns and rows["density"].notna().any()
    field = "density" if welch else "amplitude"
    band_rows = one_channel(bands, channel) if bands is not None else None
    with figure_style():
        fig, ax = new_figure("single", 70)
        ax.set_xscale("log")
        ax.set_xlim(rows["frequency_hz"].min(), rows["frequency_hz"].max())
        draw_bands_on_x(ax, band_edges(band_rows, spectrum), preset(band_rows if band_rows is not None else spectrum),
                        show_valid=band_rows is not None)
        ax.plot(rows["frequency_hz"], rows[field], color=OKABE_ITO["blue"], lw=1.1, zorder=2)
        plain_log_ticks(ax.xaxis)
        if welch:
            ax.set_yscale("log")
        ax.set_xlabel(axis_label("Frequency", unit_of(spectrum, "frequency_hz")))
        quantity = "Power spectral density" if welch else "Time-averaged amplitude"
        ax.set_ylabel(axis_label(quantity, unit_of(spectrum, field)))
        if not welch:
            ax.set_ylim(bottom=0, top=1.55 * float(rows[field].max()))
        ax.set_title(title or f"{measure_label(field)} spectrum")
    return fig
