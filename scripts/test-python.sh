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

python="${PYTHON:-$(command -v python3.11 || command -v python3)}"
venv="python/.venv"
stamp="$venv/.pyproject.sha256"
wanted="$(cat python/pyproject.toml notebooks/requirements.txt | sha256sum | cut -d' ' -f1)"
if [[ ! -x "$venv/bin/python" || ! -f "$stamp" || "$(cat "$stamp")" != "$wanted" ]]; then
    echo "Creating $venv with $("$python" --version) and installing ./python[test]..." >&2
    rm -rf "$venv"
    "$python" -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -c notebooks/requirements.txt "./python[test]"
    echo "$wanted" > "$stamp"
else
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps --force-reinstall ./python
fi
rm -rf python/build python/*.egg-info

if [[ -z "${LDF_BIN:-}" ]]; then
    scripts/ensure-system-deps.sh
    scratch="${SWIFT_SCRATCH_PATH:-.build}"
    echo "Building ldf (release, $scratch)..." >&2
    swift build -c release --product ldf --scratch-path "$scratch" >&2
    LDF_BIN="$root/$scratch/release/ldf"
fi
[[ -x "$LDF_BIN" ]] || { echo "no ldf binary at $LDF_BIN" >&2; exit 1; }
export LDF_BIN
export MPLBACKEND=Agg

# From outside python/, so the tests import the installed package, as a user's code does.
exec "$venv/bin/python" -m pytest -q -p no:cacheprovider "$@" python/tests
