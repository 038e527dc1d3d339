#!/usr/bin/env bash
# Builds the libFuzzer target (Swift's -sanitize=fuzzer with AddressSanitizer) and fuzzes one
# reader, seeded with its test fixtures. Any crash, sanitizer report or hang (libFuzzer's
# -timeout) fails the run; libFuzzer writes the input as crash-*/timeout-* in the current folder.
#
# Usage: Fuzz/run.sh READER [SECONDS]     READER: edf wfdb acq cfwb mat xlsx delimited labchart
#        oxysoft moxy
#        (default 60 s; use 0 to fuzz until stopped). Run from the repository root.
# Environment: FUZZ_SCRATCH (default .build-fuzz) is the SwiftPM scratch path of the fuzz build;
#              FUZZ_WORK (default /tmp/ldf-fuzz/READER) collects the inputs libFuzzer finds;
#              FUZZ_ARTIFACTS (default: the current folder) is where crash-*/timeout-* files go;
#              FUZZ_SKIP_BUILD=1 uses the binary already built (Fuzz/ci.sh builds once).
set -euo pipefail
cd "$(dirname "$0")/.."
reader=${1:?give a reader: edf wfdb acq cfwb mat xlsx delimited labchart oxysoft moxy}
seconds=${2:-60}
scratch=${FUZZ_SCRATCH:-.build-fuzz}
work=${FUZZ_WORK:-/tmp/ldf-fuzz/$reader}
mkdir -p "$work"

artifacts=${FUZZ_ARTIFACTS:-.}
mkdir -p "$artifacts"
if [ "${FUZZ_SKIP_BUILD:-0}" != 1 ]; then
  swift build -c release --scratch-path "$scratch" --product ldf-fuzz \
      -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING >/dev/null
fi

seeds=()
case "$reader" in
  wfdb)
    # A WFDB input is a header, a NUL byte, then the bytes its signal files get.
    for hea in Tests/Fixtures/wfdb/*.hea; do
      dat="${hea%.hea}.dat"
      [ -f "$dat" ] || continue
      { cat "$hea"; printf '\0'; head -c 4096 "$dat"; } > "$work/seed-$(basename "${hea%.hea}")"
    done ;;
  delimited) seeds=(Tests/Fixtures/io Tests/Fixtures/layouts samples/study) ;;
  labchart) seeds=(Tests/Fixtures/labchart) ;;
  oxysoft|moxy) seeds=(Tests/Fixtures/nirs) ;;
  *) seeds=("Tests/Fixtures/$reader") ;;
esac
[ -d "Fuzz/corpus/$reader" ] && seeds+=("Fuzz/corpus/$reader")
# LeakSanitizer's report at exit is off too (see the README: leaks inside Foundation and
# ZIPFoundation on damaged inputs, not ours to fix); every other sanitizer report fails the run.
export ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
max_total=$([ "$seconds" -gt 0 ] && echo "-max_total_time=$seconds" || echo "")
LDF_FUZZ_READER="$reader" "$scratch/release/ldf-fuzz" "$work" "${seeds[@]}" $max_total \
    -timeout=10 -rss_limit_mb=4096 -max_len=1048576 -detect_leaks=0 -print_final_stats=1 \
    -artifact_prefix="$artifacts/"
