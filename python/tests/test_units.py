"""`ldftoolkit._units`: units read from `ldf`'s JSON maps and study.json, resolved for given rows,
never guessed (no `ldf` binary needed)."""

from __future__ import annotations

import pandas as pd
import pytest

from ldftoolkit._units import json_units, study_units, unit_of


def recording(flux: str) -> dict:
    return {"unit": flux, "units": {"amplitude": flux, "power": f"{flux}^2", "low_hz": "Hz", "valid_fraction": "1"}}


def test_one_flux_unit_is_written_as_it_is():
    document = {"recordings": [recording("PU"), recording("PU")]}
    assert json_units(document, ["amplitude", "power", "low_hz", "band"]) == {"amplitude": "PU", "power": "PU^2", "low_hz": "Hz"}


def test_different_flux_units_are_written_on_the_flux_unit_column():
    document = {"recordings": [recording("PU"), recording("BPU")]}
    units = json_units(document, ["amplitude", "power", "valid_fraction"])
    assert units == {"amplitude": "flux_unit", "power": "flux_unit^2", "valid_fraction": "1"}
    rows = pd.DataFrame({"flux_unit": ["BPU", "BPU"], "power": [1.0, 2.0]})
    rows.attrs["units"] = units
    assert unit_of(rows, "power") == "BPU^2"
    both = pd.DataFrame({"flux_unit": ["BPU", "PU"], "power": [1.0, 2.0]})
    both.attrs["units"] = units
    with pytest.raises(ValueError, match="different units"):
        unit_of(both, "power")


def test_per_channel_maps_take_each_channels_flux_unit_from_its_rows():
    document = {"rows": [{"channel": "Flux", "flux_unit": "PU"}, {"channel": "Temp", "flux_unit": "°C"}],
                "units": {"Flux": {"mean": "PU", "cvc": "PU/mmHg"}, "Temp": {"mean": "°C", "cvc": "°C/mmHg"}}}
    assert json_units(document, ["mean", "cvc"]) == {"mean": "flux_unit", "cvc": "flux_unit/mmHg"}


def test_units_that_are_no_expression_of_the_flux_unit_are_left_out():
    document = {"recordings": [{"unit": "PU", "units": {"lag": "s"}}, {"unit": "BPU", "units": {"lag": "samples"}}]}
    assert json_units(document, ["lag"]) == {}


def test_study_units_and_the_row_unit_column():
    document = {"units": {"summary": {"median": "unit", "n": "1", "measure": ""}}}
    assert study_units(document, "summary") == {"median": "unit", "n": "1", "measure": ""}
    assert study_units(document, "spectra") == {}
    rows = pd.DataFrame({"measure": ["power"], "unit": ["PU^2"], "median": [3.0]})
    rows.attrs["units"] = study_units(document, "summary")
    assert unit_of(rows, "median") == "PU^2"
    with pytest.raises(KeyError, match="q1"):
        unit_of(rows, "q1")


def test_vot_and_crt_units_on_the_unit_column_take_each_rows_signal_unit():
    units = {"baseline": "unit", "desaturation_slope": "unit/min", "ischaemic_area": "unit·s", "start_s": "s"}
    rows = pd.DataFrame({"unit": ["%", "%"], "baseline": [70.0, 71.0], "desaturation_slope": [-12.0, -11.0],
                         "ischaemic_area": [3000.0, 3100.0], "start_s": [120.0, 120.0]})
    rows.attrs["units"] = units
    assert [unit_of(rows, f) for f in units] == ["%", "%/min", "%·s", "s"]
    unnamed = pd.DataFrame({"unit": [""], "desaturation_slope": [-12.0]})
    unnamed.attrs["units"] = units
    assert unit_of(unnamed, "desaturation_slope") == "signal unit/min"
    mixed = pd.DataFrame({"unit": ["%", "a.u."], "desaturation_slope": [-12.0, -1.0]})
    mixed.attrs["units"] = units
    with pytest.raises(ValueError, match="different units"):
        unit_of(mixed, "desaturation_slope")
