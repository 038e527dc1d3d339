"""ldftoolkit's DataFrames against ldf's golden outputs, its errors, and a real LabChart export."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import ldftoolkit as ldf
from ldftoolkit._runner import option_flags
from ldftoolkit._units import unit_of

from conftest import EXPORT_FIXTURE, GOLDEN, LABCHART, golden_frame, normalised

REST = "samples/rest-32hz-30min.csv"
PORH = "samples/porh-forearm-2-occlusions.csv"
SHORT = "samples/study/rest/c1-forearm-baseline.csv"
OTHER = "samples/study/rest/c2-forearm-baseline.csv"

pytestmark = pytest.mark.usefixtures("ldf_binary", "at_repository_root")


def assert_matches_golden(frame: pd.DataFrame, golden: pd.DataFrame) -> None:
    """Same columns in the same order, same rows; numbers equal at the goldens' 6 digits, text
    equal after the goldens' normalisation."""
    assert list(frame.columns) == list(golden.columns)
    assert len(frame) == len(golden)
    for column in golden.columns:
        fresh, pinned = frame[column], golden[column]
        if pd.api.types.is_numeric_dtype(pinned) and not pd.api.types.is_bool_dtype(pinned):
            assert pd.api.types.is_numeric_dtype(fresh), column
            np.testing.assert_allclose(fresh.to_numpy(float), pinned.to_numpy(float), rtol=1e-5, atol=1e-300, equal_nan=True,
                                       err_msg=column)
        else:
            as_text = lambda s: [normalised(str(v)) if pd.notna(v) else None for v in s]  # noqa: E731
            assert as_text(fresh) == as_text(pinned), column


def test_bands_match_the_golden_csv_with_units_and_parameters() -> None:
    frame = ldf.bands(REST)
    assert_matches_golden(frame, golden_frame("bands.csv"))
    assert frame["amplitude"].dtype == np.float64
    assert frame["frequency_count"].dtype == np.int64
    assert pd.api.types.is_string_dtype(frame["band"])
    assert frame.attrs["units"]["amplitude"] == "PU"
    assert frame.attrs["units"]["power"] == "PU^2"
    assert frame.attrs["units"]["low_hz"] == "Hz"
    assert frame.attrs["units"]["valid_fraction"] == "1"
    parameters = frame.attrs["parameters"]
    assert parameters["toolkit"]["name"] == "ldf-toolkit"
    assert parameters["toolkit"]["version"]
    assert parameters["preset"] == "stefanovska"
    assert parameters["min_valid_fraction"] == 0.2


def test_options_reach_ldf_as_flags() -> None:
    frame = ldf.bands(REST, preset="linkoping", min_valid=0.5)
    assert set(frame["preset"]) == {"linkoping"}
    assert frame.attrs["parameters"]["preset"] == "linkoping"
    assert frame.attrs["parameters"]["min_valid_fraction"] == 0.5


def test_option_flags_spelling() -> None:
    flags = option_flags({"min_valid": 0.5, "hampel": True, "allow_short_bands": False, "band": ["respiratory", "cardiac"],
                          "channel": None, "voices": 12})
    assert flags == ["--min-valid", "0.5", "--hampel", "--band", "respiratory", "--band", "cardiac", "--voices", "12"]


def test_spectrum_matches_the_golden_csv() -> None:
    frame = ldf.spectrum(SHORT)
    assert_matches_golden(frame, golden_frame("spectrum.csv"))
    assert frame.attrs["units"]["frequency_hz"] == "Hz"
    assert frame.attrs["units"]["amplitude"] == "PU"
    golden = json.loads((GOLDEN / "spectrum.json").read_text())
    (recording,) = frame.attrs["recordings"]
    assert recording["source"] == SHORT
    assert (recording["start_s"], recording["analysed_s"]) == (golden["start_s"], golden["analysed_s"])


def test_scalogram_matches_the_golden_csv() -> None:
    frame = ldf.scalogram(SHORT, fmin=0.6, fmax=2, voices=2, scalogram_step=60)
    assert_matches_golden(frame, golden_frame("scalogram-scalogram.csv"))
    assert frame.attrs["units"] == {"time_s": "s", "frequency_hz": "Hz", "amplitude": "PU"}
    assert frame["in_cone"].dtype == bool
    assert frame.attrs["parameters"]["voices"] == 2


def test_porh_matches_the_golden_csv() -> None:
    frame = ldf.porh(PORH)
    assert_matches_golden(frame, golden_frame("porh.csv"))
    assert frame.attrs["units"]["t50_s"] == "s"
    assert frame.attrs["units"]["peak_flux"] == "PU"
    assert frame.attrs["parameters"]["rest_window_s"] == 120
    golden = json.loads((GOLDEN / "porh.json").read_text())
    pinned = [o["windows"] for o in golden["recordings"][0]["occlusions"]]
    assert [sorted(w) for w in frame.attrs["windows"]] == [sorted(w) for w in pinned]
    for fresh, expected in zip(frame.attrs["windows"], pinned):
        for name, window in expected.items():
            assert fresh[name] == pytest.approx(window, rel=1e-5)


def test_epochs_match_the_golden_csv() -> None:
    frame = ldf.epochs(PORH, every=300)
    assert_matches_golden(frame, golden_frame("epochs.csv"))
    assert frame.attrs["units"]["mean"] == "PU"
    assert frame.attrs["units"]["cvc"] == "PU/mmHg"
    assert frame.attrs["parameters"]["every_s"] == 300


def test_coherence_matches_the_golden_csv() -> None:
    frame = ldf.coherence([SHORT, OTHER])
    assert_matches_golden(frame, golden_frame("coherence.csv"))
    assert frame.attrs["units"]["coherence"] == "1"


def test_info_lists_every_channel_as_the_golden_json() -> None:
    frame = ldf.info("samples/rest-40hz-20min-artifacts.csv")
    golden = json.loads((GOLDEN / "info.json").read_text())
    assert list(frame["channel"]) == [c["name"] for c in golden["channels"]]
    assert list(frame["unit"]) == [c["unit"] for c in golden["channels"]]
    assert frame["masked_samples"].tolist() == [c["masked_samples"] for c in golden["channels"]]
    assert frame.attrs["units"]["sample_rate_hz"] == "Hz"
    gaps = frame.attrs["recordings"][0]["gaps"]
    assert [g["start_s"] for g in gaps] == pytest.approx([g["start_s"] for g in golden["gaps"]], rel=1e-5)


def test_export_matches_the_golden_csv_and_flags_are_categorical() -> None:
    frame = ldf.export(EXPORT_FIXTURE)
    assert_matches_golden(frame, golden_frame("export.csv"))
    assert list(frame.columns) == ["time_s", "Flux [PU]", "Flux flag", "Temp [°C]", "Temp flag"]
    assert frame["Flux [PU]"].dtype == np.float64
    assert isinstance(frame["Flux flag"].dtype, pd.CategoricalDtype)
    assert list(frame["Flux flag"].cat.categories) == list(ldf.SAMPLE_FLAGS)
    flags = frame.set_index("time_s")["Flux flag"]
    assert flags.loc[0.5] == "filled" and flags.loc[1.0] == "bridged" and flags.loc[2.5] == "gap" and flags.loc[0.0] == "measured"
    assert np.isnan(frame.set_index("time_s").loc[2.5, "Flux [PU]"])
    assert frame.attrs["units"] == {"time_s": "s", "Flux [PU]": "PU", "Temp [°C]": "°C"}
    assert [e["label"] for e in frame.attrs["events"]] == ["cuff on", "release"]
    assert frame.attrs["channels"]["Flux"]["flag_counts"] == {"measured": 21, "filled": 2, "bridged": 2, "gap": 15}
    assert frame.attrs["parameters"]["max_bridge_s"] == 1
    golden = json.loads((GOLDEN / "export.json").read_text())
    assert frame.attrs["description"]["columns"] == golden["columns"]


def test_export_of_a_real_labchart_file() -> None:
    frame = ldf.export(LABCHART)
    description = frame.attrs["description"]
    assert description["reader"] == "labchart"
    assert description["sample_rate_hz"] == 1000
    flux = description["columns"][0]
    assert frame.attrs["units"][flux["column"]] == flux["unit"] == "pu"
    # Block 1 holds 750 rows (0.75 s); block 2 is stamped 3.248994 s after block 1's start, so
    # 0.75-3.249 s has no rows: longer than --max-bridge, left as a gap, each sample flagged.
    assert len(flux["gaps"]) == 1
    assert flux["gaps"][0]["start_s"] == pytest.approx(0.75) and flux["gaps"][0]["end_s"] == pytest.approx(3.249)
    gap_samples = int((frame[flux["flag_column"]] == "gap").sum())
    assert gap_samples == flux["flag_counts"]["gap"] == 2499
    assert frame[flux["column"]].isna().sum() == 2499
    assert frame["time_s"].is_monotonic_increasing
    assert np.allclose(np.diff(frame["time_s"].to_numpy()), 0.001)


def test_bands_of_a_real_labchart_file() -> None:
    frame = ldf.bands(LABCHART, preset="linkoping", allow_short_bands=True)
    assert set(frame["source"]) == {str(LABCHART)}
    assert frame.attrs["units"]["amplitude"] == "pu"


def test_study_tables_match_the_golden_study(tmp_path: Path) -> None:
    tables = ldf.study("Tests/Fixtures/cli/study/manifest.csv", out=tmp_path / "study", jobs=2)
    for name in ["bands", "porh", "summary", "comparisons", "errors"]:
        assert_matches_golden(tables[name], golden_frame(f"study-study-{name}.csv"))
    assert tables["bands"].attrs["parameters"]["toolkit"]["name"] == "ldf-toolkit"
    units = tables["porh"].attrs["units"]
    assert (units["t50_s"], units["rest_flux"], units["debt_area"], units["peak_rest_ratio"]) == ("s", "PU", "PU·s", "1")
    for name, table in tables.items():
        missing = [c for c in table.columns if c not in table.attrs["units"]]
        assert not missing, f"{name}: no unit for {missing}"
    summary = tables["summary"]
    assert summary.attrs["units"]["median"] == "unit"
    power = summary[(summary["analysis"] == "bands") & (summary["measure"] == "power")]
    assert set(power["unit"]) == {"PU^2"}
    assert tables["spectra_comparisons"].attrs["units"]["q1_a"] == "unit"
    assert set(tables["spectra_comparisons"]["unit"]) == {"PU"}


def test_response_protocol_tables_load_with_their_units(tmp_path: Path) -> None:
    """iontophoresis.csv, vot.csv and crt.csv of a study of simulated recordings come with the
    units study.json states, as heating.csv does; the summaries resolve each measure's unit."""
    simulations = {
        "iontophoresis": (["iontophoresis", "--rate", "8", "--rest-seconds", "150", "--plateaus", "16,25", "--vehicle-plateaus", "9.5,10",
                           "--markers"], "--plateaus"),
        "vot": (["vot", "--markers"], "--reoxygenation"),
        "crt": (["crt"], "--crt"),
    }
    treated = {"iontophoresis": "24,38", "vot": "3", "crt": "3,3.2,3.4"}
    lines = ["subject,group,site,condition,protocol,path"]
    for kind, (arguments, varied) in simulations.items():
        for group in ["control", "treated"]:
            for k in range(2):
                name = f"{kind}-{group}{k}"
                extra = [varied, treated[kind]] if group == "treated" else []
                ldf.run_ldf(["simulate", *arguments, *extra, "--seed", str(k + 1), "--out", str(tmp_path / f"{name}.csv")])
                lines.append(f"{name},{group},forearm,baseline,{kind},{name}.csv")
    (tmp_path / "manifest.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    tables = ldf.study(tmp_path / "manifest.csv", out=tmp_path / "study", jobs=2)
    assert len(tables["iontophoresis"]) == 4 * 2 * 2 and len(tables["vot"]) == 4 and len(tables["crt"]) == 4 * 3
    for name in ["iontophoresis", "vot", "crt", "summary", "comparisons"]:
        missing = [c for c in tables[name].columns if c not in tables[name].attrs["units"]]
        assert not missing, f"{name}: no unit for {missing}"
    ionto, vot, crt = (tables[name].attrs["units"] for name in ["iontophoresis", "vot", "crt"])
    assert (ionto["plateau"], ionto["percent_change"], ionto["delivery_area"], ionto["drug"]) == ("PU", "%", "PU·s", "")
    assert (vot["desaturation_slope"], vot["reoxygenation_slope"], vot["overshoot"], vot["ischaemic_area"]) == ("%/min", "%/s", "% points", "%·s")
    assert (crt["crt_s"], crt["r_squared"], crt["null_reason"]) == ("s", "1", "")
    summary = tables["summary"]
    slope = summary[(summary["analysis"] == "vot") & (summary["measure"] == "reoxygenation_slope")]
    assert unit_of(slope, "mean") == "%/s"
    assert unit_of(summary[(summary["analysis"] == "crt") & (summary["measure"] == "mean_crt_s")], "median") == "s"
    plateau = summary[(summary["analysis"] == "iontophoresis") & (summary["measure"] == "plateau") & (summary["band"] == "ach_dose2")]
    assert unit_of(plateau, "mean") == "PU" and sorted(plateau["group"]) == ["control", "treated"]


def test_a_missing_file_raises_ldf_error_with_its_message() -> None:
    with pytest.raises(ldf.LdfError) as caught:
        ldf.bands("no/such/file.csv")
    assert caught.value.status == 1
    assert not isinstance(caught.value, ldf.LdfUsageError)
    assert "no/such/file.csv" in caught.value.message
    assert "\n" not in caught.value.message


def test_an_invalid_option_raises_usage_error_naming_it() -> None:
    with pytest.raises(ldf.LdfUsageError) as caught:
        ldf.bands(REST, min_valid=2)
    assert caught.value.status == 64
    assert "--min-valid" in caught.value.message


def test_options_ldftoolkit_sets_itself_are_refused() -> None:
    with pytest.raises(TypeError, match="format"):
        ldf.bands(REST, format="json")


def test_ldf_bin_naming_no_executable_raises(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    script = tmp_path / "ldf"
    script.write_text("#!/bin/sh\n")
    script.chmod(script.stat().st_mode & ~(stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH))
    monkeypatch.setenv("LDF_BIN", os.fspath(script))
    with pytest.raises(ldf.LdfNotFoundError, match="LDF_BIN"):
        ldf.find_ldf()


def test_warnings_of_a_successful_run_become_ldf_warnings() -> None:
    with pytest.warns(ldf.LdfWarning, match="rest flux measured over"):
        ldf.porh(PORH)
