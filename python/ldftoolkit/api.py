"""One function per ``ldf`` command, each returning pandas DataFrames.

Every function runs the ``ldf`` binary (``ldftoolkit._runner``), passes keyword options as
``--kebab-case`` flags, and reads its own outputs: the table from ``--format csv`` (the numbers
exactly as ``ldf`` writes them) and units and parameters from ``--format json``. No analysis
happens in Python. Each DataFrame carries

* ``df.attrs["units"]``: column name → unit as ``ldf`` states it (``"1"`` for dimensionless; for
  a column in the recordings' flux unit, that unit, or the same expression on ``"flux_unit"``
  when the rows' flux units differ: read each row's ``flux_unit`` column; ``"unit"`` where each
  row's ``unit`` column gives it). ``ldftoolkit._units.unit_of`` resolves these for given rows;
* ``df.attrs["parameters"]``: the parameters record of the run (``toolkit`` name and version and
  every analysis parameter, as in the JSON output);
* ``df.attrs["recordings"]`` (analysis commands): per recording its scalar fields of the JSON
  output, e.g. ``start_s`` and ``analysed_s`` (the analysed stretch on the file's axis), ``error``
  and ``diagnostics``.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Union

import pandas as pd

from ._runner import call_ldf, option_flags, run_ldf, warn_lines
from ._units import ROW_UNIT, json_units, study_units

PathLike = Union[str, "os.PathLike[str]"]
Paths = Union[PathLike, Sequence[PathLike]]

#: The flag values of ``ldf export``, in order (docs/METHODS.md §1.6).
SAMPLE_FLAGS = ("measured", "filled", "bridged", "gap")

def _paths(paths: Paths) -> list[str]:
    if isinstance(paths, (str, os.PathLike)):
        return [os.fspath(paths)]
    return [os.fspath(p) for p in paths]


def _check_options(options: dict[str, Any], reserved: Iterable[str]) -> None:
    for name in reserved:
        if name in options:
            raise TypeError(f"option {name!r} is set by ldftoolkit itself; leave it out")


def _read_csv(text: str) -> pd.DataFrame:
    """An ``ldf`` CSV table: only empty cells are missing (a band or label named "NA" stays text)."""
    return pd.read_csv(io.StringIO(text), keep_default_na=False, na_values=[""])


def _parameters(document: Any) -> dict[str, Any]:
    """The toolkit stamp and parameters record of a JSON output (the first of an array)."""
    first = document[0] if isinstance(document, list) and document else document
    if not isinstance(first, dict):
        return {}
    record: dict[str, Any] = {"toolkit": first.get("toolkit", {})}
    record.update(first.get("parameters", {}))
    return record


def _recordings(document: Any) -> list[dict[str, Any]]:
    """Per recording (or pair) of a JSON output its scalar fields (``source``, ``channel``,
    ``start_s`` and ``analysed_s`` of the analysed stretch on the file's axis, ``error``, ...) and
    its ``diagnostics``; arrays of results are left out (they are the table)."""
    if isinstance(document, list):
        return [r for item in document for r in _recordings(item)]
    if not isinstance(document, dict):
        return []
    for key in ("recordings", "pairs"):
        if isinstance(document.get(key), list):
            return _recordings(document[key])
    keep = {k: v for k, v in document.items() if not isinstance(v, (list, dict)) and k != "toolkit"}
    if isinstance(document.get("diagnostics"), list):
        keep["diagnostics"] = document["diagnostics"]
    return [keep]


def _table(command: Sequence[str], arguments: list[str]) -> pd.DataFrame:
    """Runs ``ldf COMMAND ARGUMENTS`` for CSV and for JSON (at once) and joins the two."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        csv_run = pool.submit(call_ldf, [*command, *arguments, "--format", "csv"])
        json_run = pool.submit(call_ldf, [*command, *arguments, "--format", "json"])
        csv_text, stderr = csv_run.result()
        document = json.loads(json_run.result()[0])
    warn_lines(stderr, stacklevel=3)
    frame = _read_csv(csv_text)
    frame.attrs["units"] = json_units(document, frame.columns)
    frame.attrs["parameters"] = _parameters(document)
    frame.attrs["recordings"] = _recordings(document)
    windows = _occlusion_windows(document)
    if windows is not None and len(windows) == len(frame):
        frame.attrs["windows"] = windows
    return frame


def _occlusion_windows(document: Any) -> list[dict[str, Any]] | None:
    """Per occlusion row of a ``ldf porh`` JSON output, in row order, its ``windows``; None for
    other outputs."""
    if not isinstance(document, dict) or not isinstance(document.get("recordings"), list):
        return None
    occlusions = [o for r in document["recordings"] for o in (r.get("occlusions") or [])]
    if not occlusions or not all(isinstance(o, dict) and "windows" in o for o in occlusions):
        return None
    return [o["windows"] for o in occlusions]


def bands(paths: Paths, **options: Any) -> pd.DataFrame:
    """Band amplitudes and powers (``ldf bands``): one row per recording, channel and band.

    Args:
        paths: one recording file or several.
        **options: ``ldf bands`` options, e.g. ``preset="linkoping"``, ``min_valid=0.5``,
            ``channel="all"``, ``hampel=True``.
    """
    _check_options(options, ["format"])
    return _table(["bands"], [*_paths(paths), *option_flags(options)])


def spectrum(paths: Paths, **options: Any) -> pd.DataFrame:
    """The time-averaged spectrum (``ldf spectrum``): one row per channel and frequency (Hz)."""
    _check_options(options, ["format"])
    return _table(["spectrum"], [*_paths(paths), *option_flags(options)])


def scalogram(path: PathLike, **options: Any) -> pd.DataFrame:
    """The decimated wavelet scalogram (``ldf spectrum FILE --scalogram``): one row per channel,
    time (s, the file's axis) and frequency (Hz), with ``amplitude`` (|W|, flux unit) and
    ``in_cone`` (inside the cone of influence). ``attrs["parameters"]`` is the spectrum's
    parameters record (bands, wavelet, voices, ...).

    Example: ``scalogram("rest.csv", scalogram_step=10, fmin=0.01)``.
    """
    _check_options(options, ["format", "scalogram"])
    folder = tempfile.mkdtemp(prefix="ldftoolkit-scalogram-")
    try:
        table = Path(folder) / "scalogram.csv"
        stdout, stderr = call_ldf(["spectrum", os.fspath(path), *option_flags(options), "--scalogram", os.fspath(table),
                                   "--format", "json"])
        frame = _read_csv(table.read_text(encoding="utf-8"))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    warn_lines(stderr, stacklevel=2)
    document = json.loads(stdout)
    frame.attrs["units"] = {"time_s": "s", **json_units(document, frame.columns)}
    frame.attrs["parameters"] = _parameters(document)
    return frame


def porh(paths: Paths, **options: Any) -> pd.DataFrame:
    """PORH parameters (``ldf porh``): one row per recording, channel and occlusion.

    ``attrs["windows"]`` holds, per row, the occlusion's analysis windows from the JSON output
    (``rest``, ``biological_zero``, ``peak_search``, ``plateau``, ``recovery``: start and end in s
    on the file's axis).

    Example: ``porh("arm.csv", map=93, site="forearm")``.
    """
    _check_options(options, ["format"])
    return _table(["porh"], [*_paths(paths), *option_flags(options)])


def epochs(paths: Paths, **options: Any) -> pd.DataFrame:
    """Statistics per interval and channel (``ldf epochs``).

    Example: ``epochs("arm.csv", interval=["base:0-120", "occ:120-300"], reference="base")``.
    """
    _check_options(options, ["format"])
    return _table(["epochs"], [*_paths(paths), *option_flags(options)])


def coherence(paths: Paths, **options: Any) -> pd.DataFrame:
    """Wavelet phase coherence (``ldf coherence``) of two files, or two channels of one file
    (``channels="1,2"``): one row per band and per frequency (``scope`` says which)."""
    _check_options(options, ["format"])
    return _table(["coherence"], [*_paths(paths), *option_flags(options)])


def info(paths: Paths, **options: Any) -> pd.DataFrame:
    """What each recording holds (``ldf info``): one row per recording and channel.

    The columns are ``source``, ``reader``, ``sample_rate_hz``, ``duration_s``, ``samples``,
    ``time_origin_s`` and the channel's fields (``channel``, ``unit``, ``kind``, ``perfusion``,
    ``valid_samples``, ``masked_samples``, ``mean``, ...). ``df.attrs["recordings"]`` holds
    every recording's whole ``ldf info --format json`` record (events, gaps, bands, metadata).
    """
    _check_options(options, ["format"])
    text = run_ldf(["info", *_paths(paths), *option_flags(options), "--format", "json"])
    document = json.loads(text)
    recordings = document if isinstance(document, list) else [document]
    rows = []
    for recording in recordings:
        common = {k: recording[k] for k in ("source", "reader", "sample_rate_hz", "duration_s", "samples", "time_origin_s")}
        for channel in recording["channels"]:
            row = dict(common)
            row.update({("channel" if k == "name" else k): v for k, v in channel.items()})
            rows.append(row)
    frame = pd.DataFrame(rows)
    units = json_units(recordings, frame.columns)
    units.update({c: ROW_UNIT for c in ("mean", "sd", "min", "max", "median") if c in frame.columns})
    frame.attrs["units"] = units
    frame.attrs["parameters"] = {"toolkit": recordings[0]["toolkit"] if recordings else {}, **options}
    frame.attrs["recordings"] = recordings
    return frame


def export(path: PathLike, **options: Any) -> pd.DataFrame:
    """The recording as the toolkit analyses it (``ldf export``): one row per grid sample.

    Columns: ``time_s`` (the file's own time axis, s), then per channel its values
    (``"NAME [UNIT]"``, NaN where missing) and its flags (``"NAME flag"``, a categorical of
    ``SAMPLE_FLAGS``: measured, filled, bridged, gap). ``df.attrs`` holds ``units`` (value
    column → unit), ``parameters``, ``channels`` (channel name → its ``column``, ``flag_column``,
    ``unit``, ``kind``, flag counts and gaps), ``events`` (a list of ``time_s``, ``end_s``,
    ``label``, ``kind`` records; ``pandas.DataFrame(df.attrs["events"])`` makes a table) and
    ``description`` (the whole ``ldf export --format json`` record).

    Args:
        path: one recording file.
        **options: reading options, e.g. ``channel="2"``, ``max_bridge=0.5``, ``rate=40``.
    """
    _check_options(options, ["format", "output", "metadata", "events"])
    folder = tempfile.mkdtemp(prefix="ldftoolkit-export-")
    try:
        metadata = Path(folder) / "description.json"
        text = run_ldf(["export", os.fspath(path), *option_flags(options), "--metadata", os.fspath(metadata)])
        description = json.loads(metadata.read_text(encoding="utf-8"))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    flag_type = pd.CategoricalDtype(SAMPLE_FLAGS)
    columns = description["columns"]
    dtypes: dict[str, Any] = {c["column"]: "float64" for c in columns}
    dtypes.update({c["flag_column"]: flag_type for c in columns})
    dtypes[description["time_column"]] = "float64"
    frame = pd.read_csv(io.StringIO(text), keep_default_na=False, na_values={c["column"]: [""] for c in columns}, dtype=dtypes)
    frame.attrs["units"] = {description["time_column"]: "s", **{c["column"]: c["unit"] for c in columns}}
    frame.attrs["parameters"] = {"toolkit": description["toolkit"], **description["parameters"]}
    frame.attrs["channels"] = {c["channel"]: c for c in columns}
    frame.attrs["events"] = description["events"]
    frame.attrs["description"] = description
    return frame


def study(manifest: PathLike, out: PathLike | None = None, **options: Any) -> dict[str, pd.DataFrame]:
    """Runs a study (``ldf study run MANIFEST --out OUT``) and reads its tables.

    Returns a dict from table name (``"bands"``, ``"porh"``, ``"summary"``, ``"comparisons"``,
    ``"errors"``, ...: every CSV ``ldf`` wrote to OUT) to DataFrame, each with ``attrs["units"]``
    and ``attrs["parameters"]`` from ``study.json``. Without ``out`` the study runs in a temporary
    folder that is removed afterwards (its cache with it). With ``shard="K/N"`` no tables are
    written and the dict is empty (join shards with ``ldf study merge``).
    """
    _check_options(options, ["format"])
    folder = Path(out) if out is not None else Path(tempfile.mkdtemp(prefix="ldftoolkit-study-"))
    try:
        run_ldf(["study", "run", os.fspath(manifest), "--out", os.fspath(folder), *option_flags(options)], warn=False)
        return read_study(folder)
    finally:
        if out is None:
            shutil.rmtree(folder, ignore_errors=True)


def read_study(folder: PathLike) -> dict[str, pd.DataFrame]:
    """The tables of a study folder written by ``ldf study run`` or ``ldf study merge``.

    ``attrs["parameters"]`` is ``study.json``'s parameters record with the toolkit stamp;
    ``attrs["units"]`` the table's units as ``study.json`` states them for every column
    (docs/METHODS.md §12.4): ``"unit"`` where each row's ``unit`` column gives it (summaries and
    comparisons), an expression on ``"flux_unit"`` where the rows differ in flux unit.
    """
    folder = Path(folder)
    summary_path = folder / "study.json"
    document = json.loads(summary_path.read_text(encoding="utf-8")) if summary_path.is_file() else {}
    tables: dict[str, pd.DataFrame] = {}
    for csv_path in sorted(folder.glob("*.csv")):
        frame = _read_csv(csv_path.read_text(encoding="utf-8"))
        frame.attrs["units"] = study_units(document, csv_path.stem)
        frame.attrs["parameters"] = _parameters(document)
        tables[csv_path.stem] = frame
    return tables
