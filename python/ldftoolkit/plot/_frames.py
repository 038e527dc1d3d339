"""Reading what the figures need out of the API's DataFrames (columns, parameters, one channel)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd


@dataclass(frozen=True)
class BandEdges:
    """One frequency band as the outputs give it: key, edges in Hz and (if known) its valid fraction."""

    name: str
    low_hz: float
    high_hz: float
    valid_fraction: float | None = None
    reason: str | None = None


def parameters(frame: pd.DataFrame) -> dict[str, Any]:
    """The parameters record of an output (`frame.attrs["parameters"]`, empty when absent)."""
    return dict(frame.attrs.get("parameters", {}) or {})


def preset(frame: pd.DataFrame) -> str | None:
    """The band preset named by the output's parameters or its `preset` column."""
    record = parameters(frame)
    named = record.get("preset") or (record.get("band_set") or {}).get("name")
    if named:
        return str(named)
    if "preset" in frame.columns and frame["preset"].notna().any():
        return str(frame["preset"].dropna().iloc[0])
    return None


def band_edges(frame: pd.DataFrame | None, fallback: pd.DataFrame | None = None) -> list[BandEdges]:
    """The bands of a `bands` frame (with valid fractions), else those of the parameters record.

    `frame` is a `ldftoolkit.bands` result (one row per band) or None; `fallback` any output whose
    `attrs["parameters"]["bands"]` lists the band set (name, low_hz, high_hz).
    """
    if frame is not None and {"band", "low_hz", "high_hz"} <= set(frame.columns):
        rows = frame.drop_duplicates("band")
        return [BandEdges(str(r.band), float(r.low_hz), float(r.high_hz),
                          _optional_float(getattr(r, "valid_fraction", None)),
                          _optional_text(getattr(r, "reason", None)))
                for r in rows.itertuples()]
    for source in (frame, fallback):
        if source is None:
            continue
        listed = parameters(source).get("bands") or parameters(source).get("band_set", {}).get("bands")
        if listed:
            return [BandEdges(str(b["name"]), float(b["low_hz"]), float(b["high_hz"])) for b in listed]
    return []


def one_channel(frame: pd.DataFrame, channel: str | None, column: str = "channel") -> pd.DataFrame:
    """The rows of one channel; `channel` may be omitted when the frame holds only one."""
    if column not in frame.columns:
        return frame
    channels = list(dict.fromkeys(frame[column].dropna().astype(str)))
    if channel is None:
        if len(channels) > 1:
            raise ValueError(f"the output holds channels {channels}; choose one with channel=")
        return frame
    if channel not in channels:
        raise ValueError(f"channel {channel!r} is not in the output (channels: {channels})")
    return frame[frame[column].astype(str) == channel]


def require_columns(frame: pd.DataFrame, columns: list[str], what: str) -> None:
    """Raises `ValueError` naming the missing columns when `frame` is not the output `what` needs."""
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{what} needs columns {missing}; got {list(frame.columns)}")


def _optional_float(value: Any) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _optional_text(value: Any) -> str | None:
    return None if value is None or (not isinstance(value, str) and pd.isna(value)) or value == "" else str(value)
