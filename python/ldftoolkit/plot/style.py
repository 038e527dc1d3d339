"""The one figure style of the toolkit: palette, sizes, fonts and human labels.

Every figure of :mod:`ldftoolkit.plot` draws inside :func:`figure_style` and names its axes with
:func:`axis_label`, so all figures share one look: the Okabe–Ito palette (distinguishable with
the common colour-vision deficiencies; Okabe & Ito 2008, "Color Universal Design"), fonts of 7–8 pt
that stay readable when a figure is printed at a journal's single-column width (about 85 mm), and
text kept as text in SVG and as TrueType in PDF so journals can edit it.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from typing import Any

import matplotlib as mpl
import matplotlib.pyplot as plt

MM_PER_INCH = 25.4
SINGLE_COLUMN_MM = 85.0
"""Width of a single journal column in millimetres (Elsevier, Springer, APS: 84–90 mm)."""
DOUBLE_COLUMN_MM = 174.0
"""Width of a full page (two columns) in millimetres."""

OKABE_ITO: dict[str, str] = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}
"""The eight Okabe–Ito colours by name."""

CYCLE: list[str] = [OKABE_ITO[name] for name in
                    ("blue", "orange", "bluish_green", "vermillion", "reddish_purple", "sky_blue", "black", "yellow")]
"""Colours in the order series take them (yellow last: weak on white)."""

BAND_NAMES: dict[str, str] = {
    "endothelial_no_independent": "NO-independent endothelial",
    "endothelial": "Endothelial",
    "neurogenic": "Neurogenic",
    "myogenic": "Myogenic",
    "respiratory": "Respiratory",
    "cardiac": "Cardiac",
}
"""Human names of the preset bands (docs/METHODS.md §2); in the `stefanovska` presets the
`endothelial` band is the NO-dependent activity, see :func:`band_label`."""

MEASURE_NAMES: dict[str, str] = {
    "amplitude": "Amplitude",
    "power": "Power",
    "amplitude_ratio_to_mean": "Amplitude / spectrum mean",
    "power_ratio_to_mean": "Power / spectrum mean",
    "power_ratio_to_median": "Median power / spectrum median",
    "power_share": "Power share",
    "rms_ratio_to_total": "RMS relative to total",
    "pixel_amplitude": "Pixel-averaged amplitude",
    "pixel_power": "Pixel-averaged power",
    "peak_hz": "Peak frequency",
    "peak_amplitude": "Peak amplitude",
    "valid_fraction": "Valid fraction",
    "density": "Power spectral density",
    "rest_flux": "Rest flux",
    "biological_zero": "Biological zero",
    "occlusion_minimum": "Occlusion minimum",
    "peak_flux": "Peak flux",
    "peak_time_s": "Peak time",
    "time_to_peak_s": "Time to peak",
    "peak_rest_ratio": "Peak / rest flux",
    "percent_increase": "Increase over rest",
    "rest_percent_of_peak": "Rest as share of peak",
    "bz_corrected_ratio": "Peak / rest above biological zero",
    "plateau_flux": "Plateau flux",
    "t75_s": "T75",
    "t50_s": "T50",
    "t25_s": "T25",
    "hyperaemia_duration_s": "Hyperaemia duration",
    "repayment_area": "Repayment area",
    "debt_area": "Debt area",
    "repayment_debt_ratio": "Repayment / debt",
    "cvc_rest": "Rest CVC",
    "cvc_peak": "Peak CVC",
    "percent_cvc_max_rest": "Rest %CVCmax",
    "percent_cvc_max_peak": "Peak %CVCmax",
    "mean": "Mean",
    "median": "Median",
    "sd": "SD",
    "cvc": "CVC",
    "change": "Change from reference",
    "percent_change": "Change from reference",
    "coherence": "Wavelet phase coherence",
    "frequency_hz": "Frequency",
    "time_s": "Time",
}
"""Human names of output fields (docs/METHODS.md §5.1, §7.3, §15), for titles and axis labels."""

_STYLE: dict[str, Any] = {
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans", "Arial", "Helvetica", "sans-serif"],
    "font.size": 8,
    "axes.titlesize": 8,
    "axes.labelsize": 8,
    "xtick.labelsize": 7,
    "ytick.labelsize": 7,
    "legend.fontsize": 7,
    "legend.frameon": False,
    "figure.titlesize": 9,
    "axes.prop_cycle": mpl.cycler(color=CYCLE),
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.linewidth": 0.6,
    "lines.linewidth": 1.0,
    "lines.markersize": 4,
    "xtick.major.width": 0.6,
    "ytick.major.width": 0.6,
    "image.cmap": "viridis",
    "figure.dpi": 100,
    "savefig.dpi": 300,
    "svg.fonttype": "none",
    "pdf.fonttype": 42,
    "ps.fonttype": 42,
    "svg.hashsalt": "ldftoolkit",
}


@contextlib.contextmanager
def figure_style() -> Iterator[None]:
    """Draws the figures made inside the block in the toolkit's style (matplotlib rcParams)."""
    with mpl.rc_context(_STYLE):
        yield


def figure_size(width: str = "single", height_mm: float = 60.0) -> tuple[float, float]:
    """Figure size in inches for a `single` (85 mm) or `double` (174 mm) column and a height in mm."""
    widths = {"single": SINGLE_COLUMN_MM, "double": DOUBLE_COLUMN_MM}
    if width not in widths:
        raise ValueError(f"width {width!r} is not 'single' or 'double'")
    return widths[width] / MM_PER_INCH, height_mm / MM_PER_INCH


def new_figure(width: str = "single", height_mm: float = 60.0, **subplots: Any) -> tuple[Any, Any]:
    """`plt.subplots` at a journal size, laid out with the constrained layout."""
    return plt.subplots(figsize=figure_size(width, height_mm), layout="constrained", **subplots)


def pretty_unit(unit: str) -> str:
    """A unit as printed on an axis: `PU^2/Hz` → `PU²/Hz`, dimensionless `1` → `dimensionless`."""
    if unit == "1":
        return "dimensionless"
    return re.sub(r"\^2\b", "²", re.sub(r"\^3\b", "³", unit))


def axis_label(quantity: str, unit: str | None) -> str:
    """An axis label with its unit in parentheses, e.g. `Amplitude (PU)`."""
    return f"{quantity} ({pretty_unit(unit)})" if unit else quantity


def measure_label(field: str) -> str:
    """The human name of an output field (`peak_rest_ratio` → `Peak / rest flux`)."""
    return MEASURE_NAMES.get(field, field.replace("_", " ").capitalize())


def band_label(band: str, preset: str | None = None, wrap: bool = False) -> str:
    """The human name of a band; in the `stefanovska` presets `endothelial` is NO-dependent.

    With `wrap`, a name longer than 12 characters breaks after its first word (for narrow panels).
    """
    if band == "endothelial" and preset is not None and preset.startswith("stefanovska"):
        name = "NO-dependent endothelial"
    else:
        name = BAND_NAMES.get(band, band.replace("_", " ").capitalize())
    return name.replace(" ", "\n", 1) if wrap and len(name) > 12 else name


def site_label(site: str) -> str:
    """A measurement site as written in titles: `finger-pad` → `Finger pad`."""
    return site.replace("-", " ").replace("_", " ").capitalize()
