"""Outputs of `ldf` for the figure and report tests, read from the golden fixtures.

The golden outputs in Tests/Fixtures/cli are the exact text of `ldf` runs on the bundled samples;
these helpers read them the way the API does (units in `attrs["units"]`, parameters in
`attrs["parameters"]`), so the figures are tested without building `ldf`.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "Tests" / "Fixtures" / "cli"
SAMPLES = ROOT / "samples"
LABCHART = ROOT / "Tests" / "Fixtures" / "labchart"


def golden(name: str, record: str | None = None, units_from: str | None = None) -> pd.DataFrame:
    """A golden CSV with the parameters (and units) of its JSON twin `record` in `attrs`."""
    frame = pd.read_csv(GOLDEN / name)
    if record is not None:
        document = json.loads((GOLDEN / record).read_text())
        frame.attrs["parameters"] = document.get("parameters", {})
        units = document.get("units") or _first_units(document, units_from)
        if units:
            frame.attrs["units"] = units
    return frame


def _first_units(document: dict, key: str | None) -> dict:
    """The `units` map of the first element under `recordings[0][key]` (per-row units of JSON outputs)."""
    if key is None:
        return {}
    recording = document["recordings"][0]
    return dict(recording[key][0].get("units", {}))


def sample_as_export(name: str) -> pd.DataFrame:
    """A bundled sample laid out like `ldf export` (docs/METHODS.md §1.6): `time_s`, `NAME [UNIT]` and
    `NAME flag` columns (`gap` where a value is missing, else `measured`), events in `attrs`.

    Stands in for `ldftoolkit.export` in the tests that need no `ldf` binary; the samples are
    already on a uniform grid (the artifact sample's masked values stay as the file has them).
    """
    raw = pd.read_csv(SAMPLES / name)
    frame = pd.DataFrame({"time_s": raw.iloc[:, 0].astype(float)})
    for column in raw.columns[1:]:
        if column == "marker":
            continue
        values = pd.to_numeric(raw[column], errors="coerce")
        frame[column] = values
        frame[column.split(" [")[0] + " flag"] = values.isna().map({True: "gap", False: "measured"})
    if "marker" in raw.columns:
        marked = raw[raw["marker"].notna()]
        frame.attrs["events"] = pd.DataFrame({"time_s": marked.iloc[:, 0].astype(float), "label": marked["marker"]})
    return frame
