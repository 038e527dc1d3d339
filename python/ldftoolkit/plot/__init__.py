"""Figures of the toolkit's outputs, one function per figure, in one style (:mod:`.style`).

Each function takes the DataFrames the :mod:`ldftoolkit` API returns (units in `attrs["units"]` or
the rows' `flux_unit`, parameters in `attrs["parameters"]`) and returns a matplotlib Figure; it
computes nothing the toolkit did not report. :func:`save` writes a figure as SVG, PDF and 300 dpi PNG.

| figure | function | from |
|---|---|---|
| recording with events, gaps and the analysed stretch | :func:`trace` | `export` |
| scalogram with cone of influence and bands | :func:`scalogram` | `spectrum` scalogram table |
| time-averaged spectrum with bands and valid fractions | :func:`spectrum` | `spectrum`, `bands` |
| PORH curve with its parameters | :func:`porh` | `export`, `porh` |
| epochs as bars with error bars | :func:`epochs` | `epochs` |
| group median spectra with IQR and differences | :func:`group_spectra` | `study` spectra comparisons |
| band box plots per group on a shared scale | :func:`band_boxplots` | `study` bands, comparisons |
| paired conditions, one colour per subject | :func:`paired` | `study` bands or PORH, comparisons |
"""

from .epochs import epochs
from .group_bands import band_boxplots
from .group_spectra import group_spectra
from .paired import paired
from .porh import porh
from .save import save, svg_text
from .scalogram import scalogram
from .spectrum import spectrum
from .trace import trace

__all__ = ["band_boxplots", "epochs", "group_spectra", "paired", "porh", "save", "scalogram", "spectrum",
           "svg_text", "trace"]
