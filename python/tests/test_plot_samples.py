"""Every figure function on every bundled sample (samples/*.csv, samples/study), on real LabChart
exports (their recording figures; they hold no PORH) and on a real PORH recording, through the API
(so through `ldf`): each draws, and every axis label carries its unit."""

from __future__ import annotations

from pathlib import Path

import matplotlib
import pandas as pd
import pytest

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

import ldftoolkit  # noqa: E402
from _plot_data import LABCHART, SAMPLES, assert_labelled_with_units  # noqa: E402
from ldftoolkit import plot, report  # noqa: E402

RECORDINGS = sorted(SAMPLES.glob("*.csv")) + [LABCHART / "ShabinaBP.txt", LABCHART / "Shabina_fingertip.txt"]
PORH_RECORDINGS = sorted(SAMPLES.glob("porh-*.csv"))
REAL_PORH = LABCHART.parent / "porh-real"


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def study() -> dict[str, pd.DataFrame]:
    return ldftoolkit.study(SAMPLES / "study" / "manifest.csv")


@pytest.mark.parametrize("path", RECORDINGS, ids=lambda p: p.name)
def test_trace_spectrum_scalogram_and_epochs_of_every_recording(path: Path):
    recording = ldftoolkit.export(path)
    spectrum, bands = ldftoolkit.spectrum(path), ldftoolkit.bands(path)
    table = ldftoolkit.scalogram(path, scalogram_step=float(recording["time_s"].iloc[-1]) / 200)
    stretch = report.analysed_stretch(spectrum)
    epochs = ldftoolkit.epochs(path, every=float(recording["time_s"].iloc[-1]) / 4)
    figures = [plot.trace(recording, analysed=stretch), plot.spectrum(spectrum, bands),
               plot.scalogram(table, bands), plot.epochs(epochs)]
    for fig in figures:
        assert_labelled_with_units(fig, channels=list(recording.attrs["channels"]))
    unit = bands["flux_unit"].iloc[0]
    assert figures[1].axes[0].get_ylabel() == f"Time-averaged amplitude ({unit})"
    assert stretch[1] > stretch[0]


@pytest.mark.parametrize("path", PORH_RECORDINGS, ids=lambda p: p.name)
def test_porh_curve_of_every_porh_recording(path: Path):
    occlusions = ldftoolkit.porh(path)
    fig = plot.porh(ldftoolkit.export(path), occlusions)
    assert_labelled_with_units(fig)
    assert len([ax for ax in fig.axes if ax.get_legend()]) == len(occlusions)


def test_porh_curve_of_real_finger_loadings():
    """Four local-pressure loadings of a real finger recording (CC0, Tests/Fixtures/porh-real)."""
    path = REAL_PORH / "P008_j1_1.csv"
    occlusions = ldftoolkit.porh(path)
    recording = ldftoolkit.export(path)
    fig = plot.porh(recording, occlusions)
    assert_labelled_with_units(fig, channels=list(recording.attrs["channels"]))
    panels = [ax for ax in fig.axes if ax.get_legend()]
    assert len(panels) == len(occlusions) == 4
    assert all(any("(crossing)" in t.get_text() for t in ax.get_legend().get_texts()) for ax in panels)


def test_study_figures_of_the_demo_cohort(study):
    figures = [plot.group_spectra(study["spectra_comparisons"], study["spectra"]),
               plot.band_boxplots(study["bands"], study["comparisons"], measure="amplitude"),
               plot.band_boxplots(study["bands"], study["comparisons"], measure="power_ratio_to_mean"),
               plot.paired(study["bands"], study["comparisons"], band="myogenic")]
    if study["porh"]["condition"].nunique() > 1:
        figures.append(plot.paired(study["porh"], study["comparisons"], measure="peak_rest_ratio"))
    for fig in figures:
        assert_labelled_with_units(fig)
    n = study["bands"].groupby(["site", "condition", "band", "group"]).size().max()
    assert f"control (n = {n})" in [t.get_text() for t in figures[0].axes[0].get_legend().get_texts()]
