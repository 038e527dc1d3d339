"""Writing figures: vector SVG and PDF for papers, a 300 dpi PNG for slides, inline SVG for reports."""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

from matplotlib.figure import Figure

from .style import figure_style

PNG_DPI = 300
"""Resolution of the PNG copy (dots per inch), the usual minimum of journals for line art."""

_METADATA = {"svg": {"Date": None}, "pdf": {"CreationDate": None, "ModDate": None}, "png": {}}


def save(fig: Figure, path_stem: str | os.PathLike[str]) -> dict[str, Path]:
    """Writes `fig` as `STEM.svg`, `STEM.pdf` and `STEM.png` (300 dpi) and returns the paths by format.

    Each file is written to a temporary file beside it and renamed, so a reader never sees a
    half-written figure. SVG and PDF carry no date, so the same figure gives the same files; text
    stays text (SVG) and TrueType (PDF), as the style sets, so journals can edit it.
    """
    stem = Path(path_stem)
    stem.parent.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    for fmt in ("svg", "pdf", "png"):
        target = stem.with_name(f"{stem.name}.{fmt}")
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        try:
            with os.fdopen(handle, "wb") as out, figure_style():
                fig.savefig(out, format=fmt, dpi=PNG_DPI, metadata=_METADATA[fmt])
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        written[fmt] = target
    return written


def svg_text(fig: Figure) -> str:
    """The figure as an SVG document string (no XML prolog), for inlining in an HTML page."""
    buffer = io.StringIO()
    with figure_style():
        fig.savefig(buffer, format="svg", metadata=_METADATA["svg"])
    text = buffer.getvalue()
    start = text.find("<svg")
    return text[start:] if start >= 0 else text
