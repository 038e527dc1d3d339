"""Units of the API's DataFrames, read from ``ldf``'s outputs and never guessed.

``df.attrs["units"]`` maps a column to its unit as ``ldf`` states it: ``"1"`` for dimensionless
numbers, ``""`` for text. Two units name a column of the rows instead (docs/METHODS.md §12.4):

* ``"unit"``: each row's ``unit`` column holds its unit (a study's ``summary``, ``comparisons``
  and ``spectra_comparisons``, which mix measures);
* an expression on ``"flux_unit"`` (``flux_unit``, ``flux_unit^2``, ``flux_unit/mmHg``): the
  rows differ in flux unit, and each row's ``flux_unit`` column holds its own;
* an expression on ``"unit"`` (``unit/min``, ``unit·s``): the same for a study's ``vot`` and
  ``crt`` tables, whose rows hold their signal's unit (StO2 ``%``, intensity, flux) in ``unit``.

:func:`unit_of` resolves both for the rows at hand, which must then share one value.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import pandas as pd

#: The unit written for a column whose rows carry different flux units: the flux unit column.
VARYING_UNIT = "flux_unit"
#: The unit written for a value whose unit each row's ``unit`` column gives.
ROW_UNIT = "unit"
#: The flux unit ``ldf`` writes when the file names none (``ReportUnit.flux``).
UNNAMED_FLUX = "signal unit"
#: A unit written on each row's ``unit`` column (``unit/min``, ``unit·s``; ``vot`` and ``crt`` tables).
_ON_ROW_UNIT = re.compile(r"unit[/·^]")


def study_units(document: dict[str, Any], table: str) -> dict[str, str]:
    """The units ``study.json`` gives for the columns of its table ``table`` (``bands``, ``summary``, ...)."""
    return dict((document.get("units") or {}).get(table) or {})


def json_units(document: Any, columns: Iterable[str]) -> dict[str, str]:
    """The unit of each of ``columns`` named in a JSON output's ``units`` maps.

    Where the recordings' maps differ (different flux units), the unit is written on
    ``flux_unit`` when every map's unit is the same expression of its recording's flux unit
    (``PU^2`` and ``BPU^2`` become ``flux_unit^2``); otherwise the column gets no unit.
    """
    maps = list(_units_maps(document))
    units: dict[str, str] = {}
    for column in columns:
        stated = [(m[column], flux) for m, flux in maps if column in m]
        if not stated:
            continue
        if len({unit for unit, _ in stated}) == 1:
            units[column] = stated[0][0]
            continue
        templates = {_on_flux_column(unit, flux) for unit, flux in stated}
        if len(templates) == 1 and None not in templates:
            units[column] = str(next(iter(templates)))
    return units


def unit_of(frame: Any, field: str) -> str:
    """The unit of ``field`` for the rows of ``frame``, from ``frame.attrs["units"]`` only.

    A unit naming a column (``unit``, or an expression on ``flux_unit``) is read from that column
    of the rows. Raises ``KeyError`` when the output states no unit for ``field`` and
    ``ValueError`` when the rows at hand differ in unit.
    """
    units = getattr(frame, "attrs", {}).get("units") or {}
    if field not in units:
        raise KeyError(f"the output gives no unit for {field!r}; pass a frame with attrs['units'][{field!r}] "
                       "(an ldftoolkit result)")
    unit = str(units[field])
    if unit == ROW_UNIT:
        return _shared(frame, ROW_UNIT, field)
    if VARYING_UNIT in unit:
        flux = _shared(frame, VARYING_UNIT, field)
        return unit.replace(VARYING_UNIT, flux or UNNAMED_FLUX)
    if _ON_ROW_UNIT.match(unit):
        signal = _shared(frame, ROW_UNIT, field)
        return (signal or UNNAMED_FLUX) + unit[len(ROW_UNIT):]
    return unit


def _shared(frame: Any, column: str, field: str) -> str:
    """The one value of ``column`` in the rows of ``frame`` (the unit of ``field``)."""
    if column not in getattr(frame, "columns", []):
        raise KeyError(f"the unit of {field!r} is in each row's {column!r} column, which the frame lacks")
    values = sorted({"" if pd.isna(v) else str(v) for v in frame[column]})
    if len(values) != 1:
        raise ValueError(f"the rows' {field!r} values are in different units {values}; plot one unit at a time")
    return values[0]


def _units_maps(document: Any) -> Iterable[tuple[dict[str, str], str | None]]:
    """Every ``units`` map of a JSON output (field → unit, or channel → (field → unit)), each with
    its flux unit when known (the ``unit`` or ``flux_unit`` beside the map, or the channel's)."""
    if isinstance(document, dict):
        beside = document.get("unit", document.get("flux_unit"))
        flux = (beside or UNNAMED_FLUX) if isinstance(beside, str) else None
        for key, value in document.items():
            if key == "units" and isinstance(value, dict):
                flat = {k: v for k, v in value.items() if isinstance(v, str)}
                if flat:
                    yield flat, flux
                for channel, nested in value.items():
                    if isinstance(nested, dict):
                        yield {k: v for k, v in nested.items() if isinstance(v, str)}, _channel_flux(document, channel)
            else:
                yield from _units_maps(value)
    elif isinstance(document, list):
        for item in document:
            yield from _units_maps(item)


def _channel_flux(document: dict[str, Any], channel: str) -> str | None:
    """The flux unit of ``channel`` in a record whose ``units`` are per channel (``ldf epochs``):
    the ``flux_unit`` of its rows of that channel."""
    for row in document.get("rows") or []:
        if isinstance(row, dict) and row.get("channel") == channel and isinstance(row.get("flux_unit"), str):
            return row["flux_unit"] or UNNAMED_FLUX
    return None


def _on_flux_column(unit: str, flux: str | None) -> str | None:
    """``unit`` with its recording's flux unit written as ``flux_unit``; None when unknown or absent."""
    if flux is None or flux not in unit:
        return None
    return unit.replace(flux, VARYING_UNIT)
