#!/usr/bin/env bash
# Tests the figures (`ldftoolkit.plot`) and `ldf-report`, with the report opened in headless Chromium.
#
#   scripts/test-report.sh [PYTEST_ARGS...]
#
# Without arguments it runs every figure and report test; arguments replace that list (e.g.
# `scripts/test-report.sh python/tests`, as .ci/run does: every test of the package once, the
# browser test included).
#
# 1. installs Debian's `chromium` when it is missing (apt-get; root, as on CI);
# 2. sets up python/.venv and the release `ldf` through scripts/test-python.sh (collecting the
#    tests only), then installs the package's `browser` extra (Playwright from PyPI, at the version
#    python/pyproject.toml pins) into that venv; Playwright drives the system Chromium (no
#    browser download);
# 3. runs the figure and report tests (python/tests/test_plot*.py, test_report*.py). The browser
#    test's screenshots stay in out/report-browser/ (a CI artifact).
#
# Environment: as scripts/test-python.sh (PYTHON, LDF_BIN, SWIFT_SCRATCH_PATH); CHROMIUM (a browser
# binary instead of Debian's). Exit status: pytest's.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

if [[ -z "${CHROMIUM:-}" ]] && ! command -v chromium >/dev/null; then
    echo "Installing chromium (apt-get)..." >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
fi

scripts/test-python.sh --collect-only -q >/dev/null
source scripts/python-env.sh
venv="python/.venv"
if ! "$venv/bin/python" -c "import playwright" 2>/dev/null; then
    echo "Installing ./python[browser] (Playwright) into $venv..." >&2
    pip_in "$venv" -c notebooks/requirements.txt "./python[test,browser]"
    rm -rf python/build python/*.egg-info
fi

export LDF_BIN="${LDF_BIN:-$root/${SWIFT_SCRATCH_PATH:-.build}/release/ldf}"
export MPLBACKEND=Agg
mkdir -p out/report-browser
# From outside python/, so the tests import the installed package, as test-python.sh does.
if [[ $# -eq 0 ]]; then
    set -- python/tests/test_plot.py python/tests/test_plot_samples.py python/tests/test_report.py \
        python/tests/test_report_browser.py
fi
exec "$venv/bin/python" -m pytest -q -p no:cacheprovider "$@"
