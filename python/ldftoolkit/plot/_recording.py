"""The assembled recording of `ldftoolkit.export`: its time axis, channels, sample flags and events.

The export table (docs/METHODS.md §1.6) has a `time_s` column, then per channel its values (`NAME`
or `NAME [UNIT]`) and its flags (`NAME flag`: measured, filled, bridged or gap).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

TIME_COLUMN = "time_s"
FLAG_SUFFIX = " flag"
_UNIT_IN_HEADER = re.compile(r"^(?P<name>.*?) \[(?P<unit>[^\]]*)\]$")
MAX_DRAWN_POINTS = 4000
"""More samples than this are drawn as their per-pixel minimum and maximum (the same picture)."""


@dataclass(frozen=True)
class ChannelTrace:
    """One channel of the export: its name, unit, values and flags on the time axis (s)."""

    name: str
    unit: str | None
    time_s: np.ndarray
    values: np.ndarray
    flags: np.ndarray | None


def channel_names(recording: pd.DataFrame) -> list[str]:
    """The channels of an export frame, in column order."""
    names = []
    for column in recording.columns:
        if column == TIME_COLUMN or str(column).endswith(FLAG_SUFFIX):
            continue
        match = _UNIT_IN_HEADER.match(str(column))
        names.append(match["name"] if match else str(column))
    return names


def channel_trace(recording: pd.DataFrame, name: str | None = None) -> ChannelTrace:
    """One channel of the export (the first when `name` is None), with its unit and flags."""
    if TIME_COLUMN not in recording.columns:
        raise ValueError(f"an export frame has a {TIME_COLUMN!r} column; got {list(recording.columns)}")
    names = channel_names(recording)
    if not names:
        raise ValueError("the export frame has no channel column")
    chosen = names[0] if name is None else name
    if chosen not in names:
        raise ValueError(f"channel {chosen!r} is not in the export (channels: {names})")
    column, unit = _value_column(recording, chosen)
    flag_column = chosen + FLAG_SUFFIX
    flags = recording[flag_column].astype(str).to_numpy() if flag_column in recording.columns else None
    return ChannelTrace(chosen, unit, recording[TIME_COLUMN].to_numpy(float),
                        recording[column].to_numpy(float), flags)


def flagged_spans(trace: ChannelTrace, flag: str) -> list[tuple[float, float]]:
    """The time spans (start, end) in s where the channel's samples carry `flag`, a sample wide each."""
    if trace.flags is None or len(trace.time_s) == 0:
        return []
    marked = np.concatenate([[False], trace.flags == flag, [False]])
    starts = np.flatnonzero(marked[1:] & ~marked[:-1])
    ends = np.flatnonzero(~marked[1:] & marked[:-1]) - 1
    step = float(np.median(np.diff(trace.time_s))) if len(trace.time_s) > 1 else 0.0
    return [(trace.time_s[s] - step / 2, trace.time_s[e] + step / 2) for s, e in zip(starts, ends)]


def events_of(recording: pd.DataFrame, events: pd.DataFrame | None) -> pd.DataFrame:
    """The events table (`time_s`, `end_s`, `label`, `kind`): given, else `recording.attrs["events"]`."""
    if events is None:
        events = recording.attrs.get("events")
    if events is None:
        return pd.DataFrame({"time_s": [], "label": []})
    frame = events if isinstance(events, pd.DataFrame) else pd.DataFrame(list(events))
    if "time_s" not in frame.columns:
        raise ValueError(f"an events table has a 'time_s' column; got {list(frame.columns)}")
    return frame


def drawable(time_s: np.ndarray, values: np.ndarray, max_points: int = MAX_DRAWN_POINTS) -> tuple[np.ndarray, np.ndarray]:
    """The points to draw: all of them, or for long traces each bucket's minimum and maximum in time order.

    Buckets holding a missing sample keep a NaN so the line still breaks at gaps. Drawing only, the
    values are not changed.
    """
    if len(values) <= max_points:
        return time_s, values
    buckets = max_points // 2
    edges = np.linspace(0, len(values), buckets + 1).astype(int)
    times, drawn = [], []
    for start, end in zip(edges[:-1], edges[1:]):
        chunk = values[start:end]
        finite = np.isfinite(chunk)
        if not finite.any():
            times.append(time_s[start])
            drawn.append(np.nan)
            continue
        low, high = np.nanargmin(chunk), np.nanargmax(chunk)
        for k in sorted({low, high}):
            times.append(time_s[start + k])
            drawn.append(chunk[k])
        if not finite.all():
            times.append(time_s[end - 1])
            drawn.append(np.nan)
    return np.asarray(times), np.asarray(drawn)


def _value_column(recording: pd.DataFrame, name: str) -> tuple[str, str | None]:
    units = recording.attrs.get("units", {}) or {}
    for column in recording.columns:
        match = _UNIT_IN_HEADER.match(str(column))
        if match and match["name"] == name:
            return str(column), match["unit"]
    if name in recording.columns:
        return name, units.get(name) or None
    raise ValueError(f"no value column for channel {name!r}")
