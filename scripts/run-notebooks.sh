#!/usr/bin/env bash
# Runs every notebook in notebooks/ headless on the bundled samples and fails on any error.
#
#   scripts/run-notebooks.sh
#
# 1. creates notebooks/.venv (git-ignored) and installs notebooks/requirements.txt into it (once;
#    again only when the requirements change), then the toolkit's Python package ./python (every
#    run, without its dependencies: the requirements pin them);
# 2. makes sure FFTW is installed and builds `ldf` in release;
# 3. executes each notebook with nbconvert (nbclient) in a fresh kernel, writing the executed
#    copies and every figure to out/notebooks/ (git-ignored), and notebook 1 a second time on a
#    real LabChart export (LDF_NOTEBOOK_RECORDING). The committed notebooks stay clean (no
#    outputs).
#
# Environment: PYTHON (default python3.11, else python3); LDF_BIN (an ldf binary to use instead of
# building one); SWIFT_SCRATCH_PATH (build folder, default .build); LDF_NOTEBOOK_TIMEOUT (seconds
# per cell, default 600). Exit status: non-zero when any step or any notebook cell fails.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

source scripts/python-env.sh
venv="notebooks/.venv"
if venv_is_stale "$venv" notebooks/requirements.txt; then
    fresh_venv "$venv"
    pip_in "$venv" -r notebooks/requirements.txt
    venv_stamp "$venv" notebooks/requirements.txt
fi
reinstall_toolkit "$venv"
ensure_ldf_bin
export LDF_OUT="$root/out/notebooks"
export MPLBACKEND=Agg
mkdir -p "$LDF_OUT"

status=0
# Executes notebook $1 as output name $2 (environment as exported by the caller).
execute() {
    local notebook="$1" name="$2" started=$SECONDS
    echo "Executing $notebook as $name..." >&2
    if "$venv/bin/jupyter" nbconvert --to notebook --execute "$notebook" \
        --output "$name.executed" --output-dir "$LDF_OUT" \
        --ExecutePreprocessor.timeout="${LDF_NOTEBOOK_TIMEOUT:-600}" \
        --ExecutePreprocessor.kernel_name=python3 >&2; then
        echo "  ok ($((SECONDS - started)) s)" >&2
    else
        echo "  FAILED: $notebook as $name (see the traceback above)" >&2
        status=1
    fi
}
for notebook in notebooks/*.ipynb; do
    execute "$notebook" "$(basename "$notebook" .ipynb)"
done
# Notebook 1 on a user's kind of file: a real LabChart text export (two blocks, a gap, 1000 Hz).
mkdir -p "$LDF_OUT/labchart"
LDF_NOTEBOOK_RECORDING="$root/Tests/Fixtures/labchart/Shabina_fingertip.txt" LDF_OUT="$LDF_OUT/labchart" \
    execute notebooks/01-one-recording.ipynb 01-one-recording-labchart
echo "Figures and executed notebooks in $LDF_OUT" >&2
exit $status
