#!/usr/bin/env bash
# Creates the NeuroKit2 virtual environment used to regenerate Tests/Fixtures/complexity/ and to run
# benchmarks/complexity.sh. Not needed to build or test the toolkit.
#
# Usage: scripts/setup-neurokit2.sh [venv folder, default .venv/complexity (git-ignored)]
set -euo pipefail
venv="${1:-.venv/complexity}"
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --upgrade pip
"$venv/bin/pip" install --quiet "neurokit2==0.2.13" "numpy==2.4.6" "scipy==1.17.1" "pandas==2.3.3" "scikit-learn==1.9.1"
"$venv/bin/python" - <<'PY'
import neurokit2, numpy, sklearn
print(f"NeuroKit2 venv ready: neurokit2 {neurokit2.__version__}, numpy {numpy.__version__}, scikit-learn {sklearn.__version__}")
PY
