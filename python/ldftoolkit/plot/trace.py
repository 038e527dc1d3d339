"""The recording as the toolkit analyses it: every channel over time, with events, gaps and masked samples."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from ._recording import channel_names, channel_trace, drawable, events_of, flagged_spans
from .style import OKABE_ITO, axis_label, figure_style, new_figure

FLAG_STYLE = {
    "gap": ("0.55", 0.35, "Gap (no value)"),
    "bridged": (OKABE_ITO["vermillion"], 0.25, "Masked, bridged by interpolation"),
    "filled": (OKABE_ITO["orange"], 0.25, "Missing row, filled by interpolation"),
}
"""Colour, opacity and legend of each sample flag shaded (docs/METHODS.md §1.6)."""
ANALYSED_COLOUR = OKABE_ITO["bluish_green"]


def trace(recording: pd.DataFrame, events: pd.DataFrame | None = None, *, channels: list[str] | None = None,
          analysed: tuple[float, float] | None = None, title: str | None = None) -> Figure:
    """Each channel against time (one panel each), with the file's events, shaded gaps and masked samples.

    `recording` is a `ldftoolkit.export` result (docs/METHODS.md §1.6); `events` its events table
    (else `recording.attrs["events"]`); `analysed` the stretch an analysis used, (start, end) in s on
    the file's axis (e.g. a spectrum's `start_s` and `start_s + analysed_s`), marked by a bar above
    the first panel.
    """
    names = channels or channel_names(recording)
    marks = events_of(recording, events)
    with figure_style():
        fig, axes = new_figure("double", 28 + 30 * len(names), nrows=len(names), sharex=True, squeeze=False)
        shown: dict[str, Patch] = {}
        for ax, name in zip(axes[:, 0], names):
            channel = channel_trace(recording, name)
            for flag, (colour, alpha, label) in FLAG_STYLE.items():
                for start, end in flagged_spans(channel, flag):
                    ax.axvspan(start, end, color=colour, alpha=alpha, lw=0)
                    shown.setdefault(label, Patch(color=colour, alpha=alpha, label=label))
            ax.plot(*drawable(channel.time_s, channel.values), color="0.15", lw=0.6)
            ax.set_ylabel(axis_label(channel.name, channel.unit or "no unit"))
            for event in marks.itertuples():
                ax.axvline(event.time_s, color=OKABE_ITO["blue"], lw=0.7, ls="--")
        top = axes[0, 0]
        for event in marks.itertuples():
            top.text(event.time_s, 1.05, str(getattr(event, "label", "")), transform=top.get_xaxis_transform(),
                     rotation=45, ha="left", va="bottom", fontsize=6, color=OKABE_ITO["blue"])
        if analysed is not None:
            top.plot(list(analysed), [1.0, 1.0], transform=top.get_xaxis_transform(), color=ANALYSED_COLOUR,
                     lw=3, solid_capstyle="butt", clip_on=False)
            shown["Analysed stretch"] = Patch(color=ANALYSED_COLOUR, label="Analysed stretch")
        axes[-1, 0].set_xlabel(axis_label("Time", "s"))
        if len(marks):
            shown["Event"] = Patch(color=OKABE_ITO["blue"], label="Event (dashed line)")
        if shown:
            fig.legend(handles=list(shown.values()), loc="outside lower center", ncol=min(4, len(shown)))
        fig.suptitle(title or "Recording as analysed")
    return fig
