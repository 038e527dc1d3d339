#!/usr/bin/env bash
# Fuzzes every reader for a bounded time (FUZZ_SECONDS each, default 7: about a minute and a half
# for the ten readers) after one build of the libFuzzer target, and fails on the first crash, sanitizer
# report or hang. A crashing input is written to Fuzz/corpus/READER/ (crash-* or timeout-*): fix
# the reader, keep the file there (FuzzCorpusTests replays it) and commit both.
#
# Usage: Fuzz/ci.sh            (run from anywhere; .ci/run calls it after the tests)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-7}
scratch=${FUZZ_SCRATCH:-.build-fuzz}
echo "fuzz: building ldf-fuzz with -sanitize=fuzzer,address"
swift build -c release --scratch-path "$scratch" --product ldf-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for reader in delimited labchart oxysoft moxy edf wfdb acq cfwb mat xlsx; do
  log="$work/$reader.log"
  if FUZZ_SKIP_BUILD=1 FUZZ_SCRATCH="$scratch" FUZZ_ARTIFACTS="Fuzz/corpus/$reader" FUZZ_WORK="$work/$reader" \
      Fuzz/run.sh "$reader" "$seconds" >"$log" 2>&1; then
    echo "fuzz: $reader: $(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?') inputs in ${seconds} s, no crash"
  else
    echo "fuzz: $reader: FAILED (input kept in Fuzz/corpus/$reader); log:" >&2
    tail -n 60 "$log" >&2
    exit 1
  fi
done
