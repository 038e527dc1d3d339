# Shared steps of scripts/run-notebooks.sh, scripts/test-python.sh and scripts/test-workflow.sh:
# sourced (from the repository root, after `set -euo pipefail`), not run.
#
# Environment: PYTHON (default python3.11, else python3); LDF_BIN (an ldf binary to use instead of
# building one); SWIFT_SCRATCH_PATH (build folder, default .build).

python="${PYTHON:-$(command -v python3.11 || command -v python3)}"

# venv_is_stale VENV FILE...: true when VENV is missing or was installed from other contents of
# FILE... (its stamp, written by venv_stamp, holds their checksum).
venv_is_stale() {
    local venv="$1"; shift
    local wanted; wanted="$(cat "$@" | sha256sum | cut -d' ' -f1)"
    [[ ! -x "$venv/bin/python" || ! -f "$venv/.inputs.sha256" || "$(cat "$venv/.inputs.sha256")" != "$wanted" ]]
}

# fresh_venv VENV: VENV made anew with an up-to-date pip.
fresh_venv() {
    echo "Creating $1 with $("$python" --version)..." >&2
    rm -rf "$1"
    "$python" -m venv "$1"
    pip_in "$1" --upgrade pip
}

# venv_stamp VENV FILE...: records that VENV now holds what FILE... ask for.
venv_stamp() {
    local venv="$1"; shift
    cat "$@" | sha256sum | cut -d' ' -f1 > "$venv/.inputs.sha256"
}

# pip_in VENV ARGS...: pip install ARGS into VENV, quietly.
pip_in() {
    local venv="$1"; shift
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "$@"
}

# reinstall_toolkit VENV: the current ./python package into VENV (its dependencies untouched).
reinstall_toolkit() {
    pip_in "$1" --no-deps --force-reinstall ./python
    rm -rf python/build python/*.egg-info
}

# ensure_ldf_bin: exports LDF_BIN, building ldf in release (FFTW installed first) unless it is set.
ensure_ldf_bin() {
    if [[ -z "${LDF_BIN:-}" ]]; then
        scripts/ensure-system-deps.sh
        local scratch="${SWIFT_SCRATCH_PATH:-.build}"
        echo "Building ldf (release, $scratch)..." >&2
        swift build -c release --product ldf --scratch-path "$scratch" >&2
        LDF_BIN="$PWD/$scratch/release/ldf"
    fi
    [[ -x "$LDF_BIN" ]] || { echo "no ldf binary at $LDF_BIN" >&2; exit 1; }
    export LDF_BIN
}
