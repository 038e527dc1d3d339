"""Makes PyMODAlib 0.11.3b1 importable with the NumPy/SciPy of its venv (scripts/setup-pymodalib.sh).

PyMODAlib predates NumPy 1.24 and SciPy 1.8: importing this module first restores the names it
imports (np.complex, np.int, np.NaN, the float64 `eps` of SciPy's private lsqr module) and stubs
the `scheduler` package it uses only for harmonic finding. Shared by every fixture generator that
calls PyMODAlib.
"""
import sys
import types

import numpy as np

np.complex = complex
np.int = int
np.NaN = np.nan
_lsqr = types.ModuleType("scipy.sparse.linalg.isolve.lsqr")
_lsqr.eps = np.finfo(np.float64).eps
_isolve = types.ModuleType("scipy.sparse.linalg.isolve")
_isolve.lsqr = _lsqr
sys.modules["scipy.sparse.linalg.isolve"] = _isolve
sys.modules["scipy.sparse.linalg.isolve.lsqr"] = _lsqr
for _name in ("scheduler", "scheduler.Scheduler"):
    _mod = types.ModuleType(_name)
    _mod.Scheduler = object
    sys.modules[_name] = _mod
