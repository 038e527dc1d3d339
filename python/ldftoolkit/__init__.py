"""Python API of the LDF toolkit: runs the ``ldf`` command line and returns pandas DataFrames.

Each function runs one ``ldf`` command (keyword options become ``--kebab-case`` flags) and reads
its outputs; nothing is analysed in Python. Units are in ``df.attrs["units"]`` and the run's
parameters (with the toolkit version) in ``df.attrs["parameters"]``. A failing run raises
``LdfError`` (``LdfUsageError`` for an invalid option) with ``ldf``'s one-line message.

>>> import ldftoolkit as ldf
>>> bands = ldf.bands("samples/rest-32hz-30min.csv", preset="linkoping")   # doctest: +SKIP
>>> bands.attrs["units"]["amplitude"]                                      # doctest: +SKIP
'PU'
"""

from ._runner import LdfError, LdfNotFoundError, LdfUsageError, LdfWarning, find_ldf, run_ldf
from .api import SAMPLE_FLAGS, bands, coherence, epochs, export, info, porh, read_study, scalogram, spectrum, study

__all__ = [
    "SAMPLE_FLAGS",
    "LdfError",
    "LdfNotFoundError",
    "LdfUsageError",
    "LdfWarning",
    "bands",
    "coherence",
    "epochs",
    "export",
    "find_ldf",
    "info",
    "porh",
    "read_study",
    "run_ldf",
    "scalogram",
    "spectrum",
    "study",
]
