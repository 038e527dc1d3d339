"""Outputs of `ldf` for the figure and report tests, read from the golden fixtures.

The golden outputs in Tests/Fixtures/cli are the exact text of `ldf` runs on the bundled samples;
these helpers read them the way the API does (units in `attrs["units"]`, parameters in
`attrs["parameters"]`), so the figures are tested without building `ldf`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

from ldftoolkit._units import json_units, study_units
from ldftoolkit.api import _occlusion_windows

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "Tests" / "Fixtures" / "cli"
SAMPLES = ROOT / "samples"
LABCHART = ROOT / "Tests" / "Fixtures" / "labchart"
STUDY_PREFIX = "study-study-"
STUDY_RECORD = "study-study-study.json"
"""The golden study's tables are `study-study-NAME.csv`, its record `study-study-study.json`."""


def golden(name: str, record: str | None = None) -> pd.DataFrame:
    """A golden CSV with the parameters, units (and PORH windows) of its JSON twin `record` in
    `attrs`, read as the API reads them; a golden study table (`study-study-NAME.csv`) with the
    units of the golden study's `study.json`."""
    frame = pd.read_csv(GOLDEN / name)
    if name.startswith(STUDY_PREFIX):
        document = json.loads((GOLDEN / STUDY_RECORD).read_text())
        frame.attrs["units"] = study_units(document, name.removeprefix(STUDY_PREFIX).removesuffix(".csv"))
        frame.attrs["parameters"] = document.get("parameters", {})
    elif record is not None:
        document = json.loads((GOLDEN / record).read_text())
        frame.attrs["parameters"] = document.get("parameters", {})
        frame.attrs["units"] = json_units(document, frame.columns)
        windows = _occlusion_windows(document)
        if windows is not None:
            frame.attrs["windows"] = windows
    return frame


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


def golden_study(folder: Path) -> Path:
    """A study output folder made of the golden study's tables and record (`study-study-NAME` → `NAME`)."""
    folder.mkdir(parents=True, exist_ok=True)
    for table in [*GOLDEN.glob(STUDY_PREFIX + "*.csv"), GOLDEN / STUDY_RECORD]:
        (folder / table.name.removeprefix(STUDY_PREFIX)).write_bytes(table.read_bytes())
    return folder


UNIT_IN_LABEL = re.compile(r"\(([^()]+)\)$")
CATEGORY_LABELS = {"Interval"}
"""Axis labels that name categories, which have no unit."""


def axis_labels(fig) -> list[str]:  # type: ignore[no-untyped-def]
    """The axis labels of a figure (and its figure-wide y label); a bold y label names a row (a site)."""
    found = [ax.get_xlabel() for ax in fig.axes]
    found += [ax.get_ylabel() for ax in fig.axes if ax.yaxis.label.get_fontweight() != "bold"]
    return [text for text in found + [fig.get_supylabel()] if text]


def assert_labelled_with_units(fig, channels=()) -> None:  # type: ignore[no-untyped-def]
    """Every axis label ends in its unit, `(UNIT)`, or names a category; none is a raw field name
    (an underscore outside the recording's own channel names, which the file chose)."""
    found = axis_labels(fig)
    assert found, "the figure has no axis labels"
    for label in found:
        assert label in CATEGORY_LABELS or UNIT_IN_LABEL.search(label), label
        stripped = label
        for channel in channels:
            stripped = stripped.replace(channel, "")
        assert "_" not in stripped, label
