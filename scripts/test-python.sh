#!/usr/bin/env bash
# Tests the Python package `ldftoolkit` (python/) against a release build of `ldf`.
#
#   scripts/test-python.sh [PYTEST_ARGS...]
#
# 1. creates python/.venv (git-ignored) and installs ./python[test] into it, its dependencies at
#    the versions notebooks/requirements.txt pins (the figure tests compare images, so matplotlib's
#    version is fixed); again only when either file changes, the package itself on every run;
# 2. makes sure FFTW is installed and builds `ldf` in release (as scripts/run-notebooks.sh does;
#    the two share the build);
# 3. runs pytest on python/tests with LDF_BIN set to that binary.
#
# Environment: PYTHON (default python3.11, else python3); LDF_BIN (an ldf binary to use instead of
# building one); SWIFT_SCRATCH_PATH (build folder, default .build). Exit status: pytest's.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

source scripts/python-env.sh
venv="python/.venv"
if venv_is_stale "$venv" python/pyproject.toml notebooks/requirements.txt; then
    fresh_venv "$venv"
    pip_in "$venv" -c notebooks/requirements.txt "./python[test]"
    rm -rf python/build python/*.egg-info
    venv_stamp "$venv" python/pyproject.toml notebooks/requirements.txt
else
    reinstall_toolkit "$venv"
fi
ensure_ldf_bin
export MPLBACKEND=Agg

# From outside python/, so the tests import the installed package, as a user's code does.
exec "$venv/bin/python" -m pytest -q -p no:cacheprovider "$@" python/tests
