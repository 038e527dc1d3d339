"""Every figure of `ldftoolkit.plot` on the golden outputs of `ldf`: labels with units from the outputs,
human names, the elements each figure promises, and the files `save` writes."""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib
import numpy as np
import pandas as pd
import pytest

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402
from matplotlib.image import imread  # noqa: E402
from matplotlib.testing.compare import compare_images  # noqa: E402

from _plot_data import assert_labelled_with_units, golden, sample_as_export  # noqa: E402
from ldftoolkit import plot  # noqa: E402
from ldftoolkit._units import unit_of  # noqa: E402

BASELINES = Path(__file__).parent / "baseline"
IMAGE_TOLERANCE = 4.0
"""RMS difference (0-255 grey levels) allowed against a baseline image: font rasterising may differ."""


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def legend_texts(fig) -> list[str]:
    legends = [ax.get_legend() for ax in fig.axes if ax.get_legend()] + list(fig.legends)
    return [t.get_text() for legend in legends for t in legend.get_texts()]


def test_spectrum_axes_carry_units_from_the_output_and_bands_their_valid_fraction():
    spectrum = golden("spectrum.csv", "spectrum.json")
    bands = golden("bands.csv")
    fig = plot.spectrum(spectrum, bands)
    ax = fig.axes[0]
    assert ax.get_xlabel() == "Frequency (Hz)"
    assert ax.get_ylabel() == "Time-averaged amplitude (PU)"
    texts = [t.get_text() for t in ax.texts]
    assert any(t.startswith("NO-independent\nendothelial\n58 % valid") for t in texts), texts
    assert not any("_" in t for t in texts + [ax.get_title()])


def test_a_flux_unit_other_than_pu_reaches_the_axis():
    spectrum = golden("spectrum.csv", "spectrum.json")
    spectrum.attrs["units"] = dict(spectrum.attrs["units"], amplitude="BPU")
    assert plot.spectrum(spectrum).axes[0].get_ylabel() == "Time-averaged amplitude (BPU)"
    # A study whose recordings differ in flux unit: study.json names the rows' flux_unit column.
    bands = golden("study-study-bands.csv")
    bands.attrs["units"] = dict(bands.attrs["units"], amplitude="flux_unit", power="flux_unit^2")
    comparisons = golden("study-study-comparisons.csv")
    assert plot.band_boxplots(bands.assign(flux_unit="V"), comparisons).get_supylabel() == "Amplitude (V)"
    assert plot.band_boxplots(bands.assign(flux_unit="V"), comparisons, measure="power").get_supylabel() == "Power (V²)"
    mixed = bands.assign(flux_unit=["V" if k % 2 else "PU" for k in range(len(bands))])
    with pytest.raises(ValueError, match="different units"):
        plot.band_boxplots(mixed, comparisons)


def test_study_tables_take_their_units_from_study_json():
    bands, porh = golden("study-study-bands.csv"), golden("study-study-porh.csv")
    assert bands.attrs["units"]["amplitude"] == "PU" and bands.attrs["units"]["power"] == "PU^2"
    assert porh.attrs["units"]["debt_area"] == "PU·s" and porh.attrs["units"]["t50_s"] == "s"
    summary = golden("study-study-summary.csv")
    assert summary.attrs["units"]["median"] == "unit"
    power = summary[(summary.analysis == "bands") & (summary.measure == "power")]
    assert plot.style.axis_label("Median", unit_of(power, "median")) == "Median (PU²)"


def test_an_output_without_units_is_refused_rather_than_labelled_with_a_guess():
    spectrum = golden("spectrum.csv")
    with pytest.raises(KeyError, match="no unit for"):
        plot.spectrum(spectrum)
    bands = golden("study-study-bands.csv")
    bands.attrs.pop("units")
    with pytest.raises(KeyError, match="amplitude"):
        plot.band_boxplots(bands)


def test_scalogram_has_log_frequency_cone_outline_and_band_names():
    fig = plot.scalogram(golden("scalogram-scalogram.csv", "scalogram-scalogram.json"), golden("bands.csv"))
    ax = fig.axes[0]
    assert ax.get_yscale() == "log"
    assert ax.get_xlabel() == "Time (s)" and ax.get_ylabel() == "Frequency (Hz)"
    assert fig.axes[1].get_ylabel() == "Wavelet amplitude |W| (PU)"
    assert "Cardiac" in [t.get_text() for t in ax.texts]
    cone = [line for line in ax.lines if line.get_drawstyle() == "steps-mid"]
    assert len(cone) == 2
    first = cone[0].get_xdata()
    assert np.all(first[np.isfinite(first)] > 0), "the cone's left edge starts after the first sample"


def test_porh_draws_every_parameter_with_a_legend_entry():
    recording = sample_as_export("porh-forearm-2-occlusions.csv")
    occlusions = golden("porh.csv", "porh.json")
    fig = plot.porh(recording, occlusions)
    panels = [ax for ax in fig.axes if ax.get_legend()]
    assert len(panels) == 2
    entries = " | ".join(t.get_text() for t in panels[0].get_legend().get_texts())
    for expected in ("Rest flux 10 PU", "Biological zero 3.03 PU", "Peak 49.6 PU", "T75, T50, T25: 9.4, 21.2, 40.1 s",
                     "Hyperaemia duration 121.8 s", "Repayment area 1306 PU·s", "Debt area 2094 PU·s",
                     "Fitted transient (R² 0.999)"):
        assert expected in entries, entries
    peak = next(line for line in panels[0].lines if line.get_label().startswith("Peak"))
    repayment = next(c for c in panels[0].collections if c.get_label().startswith("Repayment"))
    assert to_hex(peak.get_color()) != to_hex(repayment.get_facecolor()[0])
    assert panels[0].get_ylabel() == "Flux (PU)" and panels[-1].get_xlabel() == "Time (s)"
    fit = next(line for line in panels[0].lines if line.get_label().startswith("Fitted"))
    t, y = fit.get_xdata(), fit.get_ydata()
    row = occlusions.iloc[0]
    assert t[0] == pytest.approx(row.peak_time_s)
    assert y[0] == pytest.approx(row.fit_a + row.fit_d)


def test_porh_shades_the_windows_ldf_measured_in():
    recording = sample_as_export("porh-forearm-2-occlusions.csv")
    occlusions = golden("porh.csv", "porh.json")
    windows = occlusions.attrs["windows"]
    fig = plot.porh(recording, occlusions.iloc[[1]])
    ax = next(ax for ax in fig.axes if ax.get_legend())
    spans = {tuple(np.round(patch.get_x() + np.array([0, patch.get_width()]), 3))
             for patch in ax.patches if patch.get_alpha() == plot.porh.__globals__["WINDOW_ALPHA"]}
    expected = {(round(w["start_s"], 3), round(w["end_s"], 3))
                for name, w in windows[1].items() if name in ("rest", "biological_zero", "peak_search", "plateau") and w}
    assert spans == expected
    entries = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "Peak search window (60 s)" in entries
    assert any(e.startswith("Plateau ") and e.endswith("(60 s window)") for e in entries), entries
    occlusions.attrs.pop("windows")
    with pytest.raises(ValueError, match="windows"):
        plot.porh(recording, occlusions)


def test_epochs_bars_with_sd_error_bars():
    table = golden("epochs.csv", "epochs.json")
    fig = plot.epochs(table)
    ax = fig.axes[0]
    assert ax.get_ylabel() == "Flux, mean ± SD (PU)"
    assert [p.get_height() for p in ax.patches] == list(table["mean"])
    bars = next(c for c in ax.containers if hasattr(c, "errorbar") and c.errorbar is not None).errorbar
    segments = bars.lines[2][0].get_segments()
    assert [round(s[1][1] - s[0][1], 6) for s in segments] == [round(2 * sd, 6) for sd in table["sd"]]


def test_epochs_one_panel_per_channel_in_its_own_unit():
    table = pd.concat([golden("epochs.csv"), golden("epochs.csv").assign(channel="Cuff pressure", flux_unit="mmHg")])
    # As the API states the units of a table whose channels differ in unit.
    table.attrs["units"] = {"mean": "flux_unit", "sd": "flux_unit"}
    fig = plot.epochs(table)
    assert [ax.get_ylabel() for ax in fig.axes] == ["Flux, mean ± SD (PU)", "Cuff pressure, mean ± SD (mmHg)"]
    assert [ax.get_ylabel() for ax in plot.epochs(table, channel="Cuff pressure").axes] == \
        ["Cuff pressure, mean ± SD (mmHg)"]


def test_band_boxplots_share_one_scale_from_zero_and_draw_each_recording_once():
    bands = golden("study-study-bands.csv")
    fig = plot.band_boxplots(bands, golden("study-study-comparisons.csv"))
    assert fig.axes[0].get_ylabel() == "Forearm"
    limits = {ax.get_ylim() for ax in fig.axes}
    assert len(limits) == 1 and next(iter(limits))[0] == 0
    baseline = bands[bands.condition == "baseline"]
    for ax, band in zip(fig.axes, dict.fromkeys(baseline.band)):
        points = sum(len(line.get_xdata()) for line in ax.lines if line.get_marker() == "o")
        assert points == (baseline.band == band).sum()
        assert all(label.get_text().endswith("n = 2") for label in ax.get_xticklabels())
        assert "Holm p = 1" in ax.get_title()


def test_paired_gives_each_subject_its_own_colour_and_the_paired_test():
    fig = plot.paired(golden("study-study-bands.csv"), golden("study-study-comparisons.csv"), band="myogenic")
    colours = [to_hex(line.get_color()) for ax in fig.axes for line in ax.lines]
    assert len(colours) == 4 and len(set(colours)) == 4
    assert all("Wilcoxon signed-rank, Holm p =" in ax.get_title() for ax in fig.axes)
    assert fig.axes[0].get_ylabel() == "Amplitude (PU)"


def test_group_spectra_from_a_study_table():
    frequencies = np.geomspace(0.01, 1, 30)
    rows = []
    for site in ("forearm",):
        for k, f in enumerate(frequencies):
            rows.append(dict(design="between_groups", protocol="rest", site=site, condition="baseline", level_a="control",
                             level_b="patient", frequency_hz=f, measure="amplitude", n_a=5, median_a=2.0, q1_a=1.5,
                             q3_a=2.5, n_b=4, median_b=1.0, q1_b=0.8, q3_b=1.2, adjustment="bh",
                             p_adjusted=0.01 if k < 10 else 0.5))
    comparisons = pd.DataFrame(rows)
    comparisons.attrs["units"] = {"median_a": "unit"}
    comparisons["unit"] = "PU"
    fig = plot.group_spectra(comparisons)
    ax = fig.axes[0]
    legend = legend_texts(fig)
    assert "control (n = 5)" in legend and "patient (n = 4)" in legend
    assert "Groups differ (BH p < 0.05; 10 of 30)" in legend
    assert ax.get_ylabel() == "Forearm\nMedian amplitude (PU)"
    shading = [c for c in ax.collections if c.get_alpha() == plot.group_spectra.__globals__["IQR_ALPHA"]]
    assert len(shading) == 2


def test_trace_shades_gaps_and_marks_events_and_the_analysed_stretch():
    recording = sample_as_export("porh-finger-pad.csv")
    recording.loc[100:199, "Flux [PU]"] = np.nan
    recording.loc[100:199, "Flux flag"] = "gap"
    fig = plot.trace(recording, analysed=(0.0, 600.0))
    assert [ax.get_ylabel() for ax in fig.axes] == ["Flux (PU)", "Cuff pressure (mmHg)"]
    assert fig.axes[-1].get_xlabel() == "Time (s)"
    assert {"Gap (no value)", "Analysed stretch", "Event (dashed line)"} <= set(legend_texts(fig))
    assert [t.get_text() for t in fig.axes[0].texts] == ["Occlusion start", "Release"]


@pytest.mark.parametrize("events", [None, [], pd.DataFrame(columns=["time_s", "end_s", "label", "kind"])],
                         ids=["no-attribute", "export-list", "empty-table"])
def test_trace_of_a_recording_without_events(events):
    recording = sample_as_export("rest-32hz-30min.csv")
    if isinstance(events, list):
        recording.attrs["events"] = events  # as ldftoolkit.export gives a file without events
    fig = plot.trace(recording, events if isinstance(events, pd.DataFrame) else None, analysed=(10.0, 1700.0))
    ax = fig.axes[0]
    assert ax.get_ylabel() == "flux (PU)"
    assert not [line for line in ax.lines if line.get_linestyle() == "--"], "no event lines"
    assert [t.get_text() for t in ax.texts] == []
    assert legend_texts(fig) == ["Analysed stretch"]


def test_long_traces_are_drawn_from_their_extremes_not_every_sample():
    recording = sample_as_export("rest-32hz-30min.csv")
    fig = plot.trace(recording)
    line = fig.axes[0].lines[0]
    assert len(line.get_xdata()) <= 4000
    assert np.nanmax(line.get_ydata()) == recording["flux [PU]"].max()


def test_save_writes_svg_pdf_and_a_300_dpi_png(tmp_path):
    fig = plot.spectrum(golden("spectrum.csv", "spectrum.json"))
    written = plot.save(fig, tmp_path / "figures" / "spectrum")
    assert sorted(written) == ["pdf", "png", "svg"]
    assert written["pdf"].read_bytes().startswith(b"%PDF")
    svg = written["svg"].read_text()
    assert "<text" in svg and "Time-averaged amplitude (PU)" in svg, "SVG keeps its text as text"
    height, width = imread(written["png"]).shape[:2]
    assert (width, height) == pytest.approx((85 / 25.4 * 300, 70 / 25.4 * 300), abs=2)
    assert not list((tmp_path / "figures").glob(".*")), "no temporary file is left behind"
    assert plot.svg_text(fig).startswith("<svg")


def test_every_label_of_every_figure_has_a_unit_or_is_a_category():
    figures = [
        plot.spectrum(golden("spectrum.csv", "spectrum.json"), golden("bands.csv")),
        plot.scalogram(golden("scalogram-scalogram.csv", "scalogram-scalogram.json")),
        plot.epochs(golden("epochs.csv", "epochs.json")),
        plot.porh(sample_as_export("porh-forearm-2-occlusions.csv"), golden("porh.csv", "porh.json")),
        plot.band_boxplots(golden("study-study-bands.csv"), golden("study-study-comparisons.csv"), measure="power"),
        plot.paired(golden("study-study-porh.csv"), golden("study-study-comparisons.csv"), measure="peak_flux")
        if golden("study-study-porh.csv").condition.nunique() > 1 else None,
        plot.trace(sample_as_export("rest-40hz-20min-artifacts.csv")),
    ]
    for fig in filter(None, figures):
        assert_labelled_with_units(fig)


@pytest.mark.parametrize("name", ["spectrum", "band-boxplots"])
def test_figure_looks_like_its_baseline_image(name, tmp_path):
    """Compares a 100 dpi rendering with the committed baseline (regenerate: LDF_UPDATE_BASELINES=1)."""
    figures = {
        "spectrum": lambda: plot.spectrum(golden("spectrum.csv", "spectrum.json"), golden("bands.csv")),
        "band-boxplots": lambda: plot.band_boxplots(golden("study-study-bands.csv"), golden("study-study-comparisons.csv")),
    }
    fig = figures[name]()
    actual = tmp_path / f"{name}.png"
    with plot.style.figure_style():
        fig.savefig(actual, dpi=100)
    baseline = BASELINES / f"{name}.png"
    if os.environ.get("LDF_UPDATE_BASELINES") == "1":
        baseline.parent.mkdir(exist_ok=True)
        baseline.write_bytes(actual.read_bytes())
    difference = compare_images(str(baseline), str(actual), tol=IMAGE_TOLERANCE)
    assert difference is None, difference
