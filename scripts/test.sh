#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs FFTW if needed, then `swift test`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-system-deps.sh
swift build --build-tests
swift test --skip-build "$@"
