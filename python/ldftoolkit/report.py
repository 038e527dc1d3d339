"""`ldf-report`: self-contained HTML reports of recordings and of studies.

    ldf-report recording FILE... [--out DIR] [--porh auto|always|never] [--reader R] [--channel C]
    ldf-report study STUDY_DIR [--out FILE]
    python -m ldftoolkit.report ...

A recording's page holds its figures (inline SVG), the parameter and result tables, the warnings
`ldf` gave and the provenance (toolkit version, every parameter); a study's page the cohort, the
group figures, the comparisons and the study's errors. Pages embed everything they show (no
network, no external fonts or scripts), so they open offline in any browser; each is written to a
temporary file beside its target and renamed, so a reader never sees half a page. Every number
comes from `ldf` through the `ldftoolkit` API; nothing is computed here.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import sys
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from . import api, plot  # noqa: E402
from .plot.save import atomic_file  # noqa: E402
from ._runner import LdfError, LdfUsageError  # noqa: E402

USAGE_STATUS = 64
"""Exit status for an invalid option, as `ldf` uses (sysexits EX_USAGE)."""
SCALOGRAM_COLUMNS = 400
"""Time steps a recording's scalogram is written at (its step is the duration over this)."""
STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:2rem auto;max-width:72rem;
padding:0 1rem;color:#1a1a1a;line-height:1.4}
h1{font-size:1.5rem;margin-bottom:.2rem}h2{font-size:1.2rem;border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:2rem}
figure{margin:1rem 0}figure svg{width:100%;max-width:60rem;height:auto}figcaption{font-size:.9rem;color:#444}
table{border-collapse:collapse;font-size:.85rem;margin:.5rem 0;display:block;overflow-x:auto}
th,td{border:1px solid #ddd;padding:.2rem .5rem;text-align:right;white-space:nowrap}th{background:#f3f3f3}
td:first-child,th:first-child{text-align:left}.warning{color:#8a4b00}.error{color:#a00}
.note{color:#555;font-size:.9rem}details{margin:.5rem 0}pre{background:#f7f7f7;padding:.5rem;overflow-x:auto;font-size:.8rem}
.differ{background:#fff3d6}
"""


@dataclass
class Page:
    """An HTML page being assembled: its title, sections (HTML fragments) and what went wrong."""

    title: str
    sections: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    provenance: dict[str, Any] = field(default_factory=dict)

    def add(self, heading: str, *parts: str) -> None:
        """Appends a section with a heading and its fragments."""
        self.sections.append(f"<section><h2>{_e(heading)}</h2>{''.join(parts)}</section>")

    def attempt(self, what: str, build: Callable[[], None]) -> None:
        """Runs one part of the page; `ldf`'s warnings are kept, a failure becomes an error line."""
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                build()
            except LdfError as error:
                self.errors.append(f"{what}: {error.message}")
            except (ValueError, KeyError) as error:
                self.errors.append(f"{what}: {error}")
        self.warnings += [f"{what}: {w.message}" for w in caught if issubclass(w.category, UserWarning)]

    def html(self) -> str:
        """The whole page, self-contained."""
        notes = "".join(f'<li class="error">{_e(t)}</li>' for t in self.errors)
        notes += "".join(f'<li class="warning">{_e(t)}</li>' for t in dict.fromkeys(self.warnings))
        problems = f"<section><h2>Warnings and errors</h2><ul>{notes or '<li>none</li>'}</ul></section>"
        record = json.dumps(self.provenance, indent=2, sort_keys=True, default=str)
        toolkit = self.provenance.get("toolkit", {})
        stamp = f"{toolkit.get('name', 'ldf-toolkit')} {toolkit.get('version', '')}".strip()
        provenance = (f"<section><h2>Provenance</h2><p>Made by {_e(stamp)} through ldftoolkit {_e(_version())}."
                      f"</p><details><summary>Every parameter</summary><pre>{_e(record)}</pre></details></section>")
        return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{_e(self.title)}</title>'
                f'<meta name="viewport" content="width=device-width, initial-scale=1"><style>{STYLE}</style></head>'
                f"<body><h1>{_e(self.title)}</h1>{''.join(self.sections)}{problems}{provenance}</body></html>\n")


def recording_page(path: str | os.PathLike[str], porh: str = "auto", **options: Any) -> Page:
    """The report of one recording: its contents, trace, spectrum, scalogram, bands and PORH.

    `porh` is `auto` (shown when `ldf porh` finds occlusions), `always` (its failure is an error)
    or `never`; `options` are reading options passed to every command (`reader`, `channel`, ...).
    """
    page = Page(f"Recording {Path(path).name}")
    state: dict[str, Any] = {}
    page.attempt("info", lambda: _info_section(page, path, options, state))
    page.attempt("export", lambda: state.update(recording=api.export(path, **_reading(options))))
    page.attempt("spectrum", lambda: _spectral_sections(page, path, options, state))
    if "recording" in state:
        page.sections.insert(1 if "info" in state else 0, _trace_section(state))
    if porh != "never":
        _porh_section(page, path, options, state, required=porh == "always")
    page.provenance = {"source": os.fspath(path), **state.get("parameters", {})}
    return page


def study_page(folder: str | os.PathLike[str]) -> Page:
    """The report of a study output folder (`ldf study run` or `ldf study merge`)."""
    tables = api.read_study(folder)
    if not tables:
        raise LdfError(f"{folder}: no study tables (run `ldf study run MANIFEST --out {folder}` first)", status=1)
    page = Page(f"Study {Path(folder).resolve().name}")
    first = next(iter(tables.values()))
    page.provenance = dict(first.attrs.get("parameters", {}))
    page.add("Cohort", _cohort(tables))
    page.attempt("group spectra", lambda: _group_spectra_section(page, tables))
    page.attempt("band box plots", lambda: _band_sections(page, tables))
    page.attempt("paired conditions", lambda: _paired_section(page, tables))
    page.attempt("comparisons", lambda: _comparisons_section(page, tables))
    errors = tables.get("errors")
    if errors is not None and len(errors):
        page.add("Errors of the study", _table(errors))
    return page


def write_atomically(target: str | os.PathLike[str], text: str) -> Path:
    """Writes `text` (UTF-8) to `target` through a temporary file in the same folder and a rename."""
    with atomic_file(target) as out:
        out.write(text.encode("utf-8"))
    return Path(target)


# Recording sections.

def _reading(options: dict[str, Any]) -> dict[str, Any]:
    """The options every command accepts (reading a file), without analysis options."""
    return {k: v for k, v in options.items() if k in {"reader", "channel", "rate", "time_column", "event_map",
                                                         "max_bridge", "sheet"}}


def _info_section(page: Page, path: Any, options: dict[str, Any], state: dict[str, Any]) -> None:
    info = api.info(path, **_reading(options))
    state["info"] = info
    columns = [c for c in ("channel", "unit", "kind", "perfusion", "valid_samples", "masked_samples", "mean", "sd",
                           "min", "max") if c in info.columns]
    record = info.attrs.get("recordings", [{}])[0]
    facts = {"reader": record.get("reader"), "sample rate (Hz)": record.get("sample_rate_hz"),
             "duration (s)": record.get("duration_s"), "samples": record.get("samples"),
             "events": len(record.get("events", []) or [])}
    page.add("Recording", _facts(facts), _table(info[columns]))


def _trace_section(state: dict[str, Any]) -> str:
    stretch = state.get("analysed")
    fig = plot.trace(state["recording"], analysed=stretch)
    caption = ("Every channel as the toolkit analyses it (uniform grid; shaded: gaps and interpolated samples; "
               "dashed: the file's events)" + ("; the bar marks the stretch the spectrum analysed." if stretch else "."))
    return f"<section><h2>Trace</h2>{_figure(fig, caption)}</section>"


def _spectral_sections(page: Page, path: Any, options: dict[str, Any], state: dict[str, Any]) -> None:
    spectrum = api.spectrum(path, **options)
    bands = api.bands(path, **options)
    state["parameters"] = dict(bands.attrs.get("parameters", {}))
    channel = str(spectrum["channel"].iloc[0]) if "channel" in spectrum.columns else None
    duration = float(state["info"]["duration_s"].iloc[0]) if "info" in state else None
    step = max(duration / SCALOGRAM_COLUMNS, 0.01) if duration else 1.0
    table = api.scalogram(path, scalogram_step=step, **options)
    state["analysed"] = analysed_stretch(spectrum)
    parts = [_figure(plot.spectrum(spectrum, bands, channel=channel),
                     "Time-averaged wavelet amplitude; each band's share of coefficients inside the cone of influence.")]
    parts.append(_figure(plot.scalogram(table, bands, channel=channel),
                         "Wavelet amplitude over time; veiled outside the cone of influence, dashed: band edges."))
    shown = [c for c in ("channel", "band", "low_hz", "high_hz", "amplitude", "power", "amplitude_ratio_to_mean",
                         "power_ratio_to_mean", "peak_hz", "valid_fraction", "reason") if c in bands.columns]
    parts.append(_table(bands[shown], bands.attrs.get("units", {})))
    page.add("Spectrum and bands", *parts)


def analysed_stretch(output: pd.DataFrame) -> tuple[float, float] | None:
    """The stretch (start, end) in s on the file's axis that a spectrum or bands output analysed
    (docs/METHODS.md §4.1), from its first recording's `start_s` and `analysed_s`."""
    recordings = output.attrs.get("recordings") or [{}]
    start, length = recordings[0].get("start_s"), recordings[0].get("analysed_s")
    return None if start is None or length is None else (float(start), float(start) + float(length))


def _porh_section(page: Page, path: Any, options: dict[str, Any], state: dict[str, Any], required: bool) -> None:
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            occlusions = api.porh(path, **_reading(options))
    except LdfError as error:
        if required or isinstance(error, LdfUsageError):
            page.errors.append(f"porh: {error.message}")
        else:
            page.add("PORH", f'<p class="note">Not a PORH recording: {_e(error.message)}</p>')
        return
    page.warnings += [f"porh: {w.message}" for w in caught]
    parts = []
    if "recording" in state and len(occlusions):
        parts.append(_figure(plot.porh(state["recording"], occlusions),
                             "Flux around each occlusion with the parameters where they were measured."))
    parts.append(_table(occlusions.drop(columns=[c for c in ("source", "null_reasons") if c in occlusions.columns]),
                        occlusions.attrs.get("units", {}), transpose=True))
    page.add("Post-occlusive reactive hyperaemia", *parts)
    state.setdefault("parameters", {})["porh"] = occlusions.attrs.get("parameters", {})


# Study sections.

def _cohort(tables: dict[str, pd.DataFrame]) -> str:
    rows = [t[[c for c in ("id", "subject", "group", "site", "condition", "protocol") if c in t.columns]]
            for name, t in tables.items() if name in {"bands", "porh", "epochs"} and "id" in t.columns]
    if not rows:
        return '<p class="note">No analysed recordings.</p>'
    recordings = pd.concat(rows).drop_duplicates("id")
    keys = [c for c in ("protocol", "group", "site", "condition") if c in recordings.columns]
    counts = recordings.groupby(keys).agg(recordings=("id", "count"), subjects=("subject", "nunique")).reset_index()
    return _table(counts)


def _group_spectra_section(page: Page, tables: dict[str, pd.DataFrame]) -> None:
    comparisons = tables.get("spectra_comparisons")
    if comparisons is None or not (comparisons["design"] == "between_groups").any():
        return
    fig = plot.group_spectra(comparisons, tables.get("spectra"))
    page.add("Group spectra", _figure(fig, "Median spectrum of each group with its interquartile range; black marks: "
                                           "frequencies where the groups differ after correction."))


def _band_sections(page: Page, tables: dict[str, pd.DataFrame]) -> None:
    bands = tables.get("bands")
    if bands is None or bands.empty:
        return
    comparisons = tables.get("comparisons")
    parts = [_figure(plot.band_boxplots(bands, comparisons, measure=measure),
                     "Each recording as a point over the box (median, quartiles, 1.5 IQR whiskers); one scale per "
                     "measure; p corrected over the bands (Holm).")
             for measure in ("amplitude", "amplitude_ratio_to_mean") if measure in bands.columns]
    page.add("Band values by group", *parts)


def _paired_section(page: Page, tables: dict[str, pd.DataFrame]) -> None:
    bands = tables.get("bands")
    if bands is None or bands.empty:
        return
    parts = []
    for site, rows in bands.groupby("site"):
        if rows["condition"].nunique() < 2:
            continue
        for band in dict.fromkeys(rows["band"].astype(str)):
            parts.append(_figure(plot.paired(bands, tables.get("comparisons"), band=band, site=str(site)),
                                 f"Each subject's amplitude in both conditions ({site}, {band})."))
    if parts:
        page.add("Paired conditions", *parts)


def _comparisons_section(page: Page, tables: dict[str, pd.DataFrame]) -> None:
    comparisons = tables.get("comparisons")
    if comparisons is None or comparisons.empty:
        return
    shown = [c for c in ("analysis", "measure", "band", "occlusion", "design", "site", "condition", "group", "level_a",
                         "level_b", "n_a", "n_b", "median_a", "median_b", "test", "p_value", "effect_size",
                         "adjustment", "p_adjusted", "reason") if c in comparisons.columns]
    differ = comparisons["p_adjusted"] < plot._study.SIGNIFICANCE
    page.add("Comparisons", f'<p class="note">{int(differ.sum())} of {len(comparisons)} comparisons differ after '
                            "correction (highlighted).</p>", _table(comparisons[shown], highlight=differ))


# HTML pieces.

def _figure(fig: Any, caption: str) -> str:
    svg = plot.svg_text(fig)
    plt.close(fig)
    return f"<figure>{svg}<figcaption>{_e(caption)}</figcaption></figure>"


def _facts(facts: dict[str, Any]) -> str:
    cells = "".join(f"<tr><th>{_e(k)}</th><td>{_e(_cell(v))}</td></tr>" for k, v in facts.items() if v is not None)
    return f"<table>{cells}</table>"


def _table(frame: pd.DataFrame, units: dict[str, str] | None = None, transpose: bool = False,
           highlight: pd.Series | None = None) -> str:
    """An HTML table; headers carry units (`amplitude [PU]`), numbers 4 significant digits."""
    units = units or {}
    headers = [f"{c} [{units[c]}]" if units.get(c) and units[c] != "1" else str(c) for c in frame.columns]
    rows = [[_cell(v) for v in row] for row in frame.itertuples(index=False)]
    if transpose:
        body = "".join(f"<tr><th>{_e(h)}</th>{''.join(f'<td>{_e(r[i])}</td>' for r in rows)}</tr>"
                       for i, h in enumerate(headers))
        return f"<table>{body}</table>"
    marks = list(highlight) if highlight is not None else [False] * len(rows)
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    opening = {True: '<tr class="differ">', False: "<tr>"}
    body = "".join(opening[bool(mark)] + "".join(f"<td>{_e(v)}</td>" for v in row) + "</tr>"
                   for row, mark in zip(rows, marks))
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _cell(value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


def _e(text: Any) -> str:
    return html.escape(str(text), quote=True)


def _version() -> str:
    try:
        from importlib.metadata import version
        return version("ldftoolkit")
    except Exception:  # the package is used from a source tree, not installed
        return "(source tree)"


# Command line.

class _Parser(argparse.ArgumentParser):
    """Argument errors as one `error:` line and the usage, exit status 64 like `ldf`."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(USAGE_STATUS, f"error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="ldf-report", description="Self-contained HTML reports of LDF recordings and studies.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    recording = commands.add_parser("recording", help="one page per recording file")
    recording.add_argument("files", nargs="+", metavar="FILE", help="recording files any ldf reader accepts")
    recording.add_argument("-o", "--out", default="out/report", metavar="DIR",
                           help="folder for the pages, NAME.html each (default: out/report)")
    recording.add_argument("--porh", choices=["auto", "always", "never"], default="auto",
                           help="PORH section: auto (when ldf porh finds occlusions), always or never")
    recording.add_argument("--reader", help="ldf reader (auto, delimited, labchart, ...)")
    recording.add_argument("--channel", help="perfusion channel (name or 1-based number)")
    recording.add_argument("--preset", help="band preset (stefanovska, linkoping, ...)")
    study = commands.add_parser("study", help="one page for a study output folder")
    study.add_argument("folder", metavar="STUDY_DIR", help="the --out folder of `ldf study run` or `ldf study merge`")
    study.add_argument("-o", "--out", metavar="FILE", help="the page (default: STUDY_DIR/report.html)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `ldf-report`; returns the exit status (0 ok, 1 a file failed, 64 bad options)."""
    arguments = _parser().parse_args(argv)
    try:
        if arguments.command == "study":
            page = study_page(arguments.folder)
            target = write_atomically(arguments.out or Path(arguments.folder) / "report.html", page.html())
            print(target)
            return 0
        status = 0
        options = {k: getattr(arguments, k) for k in ("reader", "channel", "preset")}
        for file in arguments.files:
            page = recording_page(file, porh=arguments.porh, **options)
            print(write_atomically(Path(arguments.out) / f"{Path(file).stem}.html", page.html()))
            if page.errors:
                print(f"error: {file}: " + "; ".join(page.errors), file=sys.stderr)
                status = 1
        return status
    except LdfError as error:
        print(f"error: {error.message}", file=sys.stderr)
        return USAGE_STATUS if isinstance(error, LdfUsageError) else 1


if __name__ == "__main__":
    sys.exit(main())
