#!/usr/bin/env bash
# Runs workflows/Snakefile on the demo cohort with 2 cores and 3 shards and checks that the merged
# study's tables equal a single `ldf study` run byte for byte.
#
#   scripts/test-workflow.sh
#
# 1. creates workflows/.venv (git-ignored) with workflows/requirements.txt (Snakemake; again only
#    when the requirements change) and the toolkit's Python package ./python (its `ldf-report`
#    writes the study report; dependencies at the notebooks' pinned versions);
# 2. makes sure FFTW is installed and builds `ldf` in release (shared with scripts/test-python.sh
#    and scripts/run-notebooks.sh);
# 3. runs the workflow (shards, merge; the report when ldf-report is installed in the venv) and
#    `ldf study` once, in a scratch folder, and compares every CSV table of the two with cmp.
#
# Environment: PYTHON (default python3.11, else python3); LDF_BIN (an ldf binary to use instead of
# building one); SWIFT_SCRATCH_PATH (build folder, default .build); LDF_WORKFLOW_MANIFEST (default
# samples/study/manifest.csv). Exit status: 0 when the tables agree.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

source scripts/python-env.sh
venv="workflows/.venv"
inputs=(workflows/requirements.txt python/pyproject.toml notebooks/requirements.txt)
if venv_is_stale "$venv" "${inputs[@]}"; then
    fresh_venv "$venv"
    pip_in "$venv" -r workflows/requirements.txt
    pip_in "$venv" -c notebooks/requirements.txt ./python
    rm -rf python/build python/*.egg-info
    venv_stamp "$venv" "${inputs[@]}"
else
    reinstall_toolkit "$venv"
fi
ensure_ldf_bin

manifest="$(realpath "${LDF_WORKFLOW_MANIFEST:-samples/study/manifest.csv}")"
work="$(mktemp -d "${TMPDIR:-/tmp}/ldf-workflow.XXXXXX")"
trap 'rm -rf "$work"' EXIT

echo "Running the workflow (3 shards, 2 cores) on $manifest..." >&2
started=$SECONDS
# The report rule runs when ldf-report (ldftoolkit.report) is installed in the venv.
report=false
"$venv/bin/python" -c "import ldftoolkit.report" 2>/dev/null && report=true
PATH="$root/$venv/bin:$PATH" "$venv/bin/snakemake" -s "$root/workflows/Snakefile" --directory "$work" --cores 2 --quiet rules \
    --config manifest="$manifest" out="$work/out" shards=3 ldf="$LDF_BIN" report="$report" >&2
echo "  workflow done ($((SECONDS - started)) s)" >&2

started=$SECONDS
"$LDF_BIN" study "$manifest" --out "$work/single" --jobs 2 2> "$work/single.log"
echo "  single run done ($((SECONDS - started)) s)" >&2

status=0
count=0
for table in "$work/single"/*.csv; do
    name="$(basename "$table")"
    count=$((count + 1))
    if ! cmp -s "$table" "$work/out/study/$name"; then
        echo "DIFFERS: $name (single run against merged shards)" >&2
        diff <(head -5 "$table") <(head -5 "$work/out/study/$name") >&2 || true
        status=1
    fi
done
if [[ $count -eq 0 ]]; then echo "no tables written by the single run" >&2; exit 1; fi
for table in "$work/out/study"/*.csv; do
    [[ -f "$work/single/$(basename "$table")" ]] || { echo "EXTRA: $(basename "$table") only in the merged study" >&2; status=1; }
done
if [[ $report == true && ! -s "$work/out/report.html" ]]; then echo "no study report written" >&2; status=1; fi
[[ $report == true ]] && echo "  study report written ($(wc -c < "$work/out/report.html") bytes)" >&2
[[ $status -eq 0 ]] && echo "  $count tables of the merged shards equal the single run byte for byte" >&2
exit $status
