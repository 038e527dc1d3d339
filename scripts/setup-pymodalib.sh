#!/usr/bin/env bash
# Creates the PyMODAlib virtual environment used to regenerate Tests/Fixtures/pymodalib/
# (reference spectra for the wavelet agreement tests). Not needed to build or test the toolkit.
#
# Usage: scripts/setup-pymodalib.sh [venv folder, default .venv/pymodalib (git-ignored)]
# PyMODAlib 0.11.3b1 targets old NumPy/SciPy and declares heavy GUI dependencies it does not need
# for the wavelet transform, so it is installed with --no-deps next to pinned NumPy and SciPy.
# The names it imports that newer libraries removed are restored by generate.py at import time.
set -euo pipefail
venv="${1:-.venv/pymodalib}"
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --upgrade pip
"$venv/bin/pip" install --quiet "numpy==1.23.5" "scipy==1.10.1"
"$venv/bin/pip" install --quiet --no-deps "pymodalib==0.11.3b1"
"$venv/bin/python" - <<'PY'
import numpy, scipy
print(f"PyMODAlib venv ready: numpy {numpy.__version__}, scipy {scipy.__version__}")
PY
