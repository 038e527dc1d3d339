#!/usr/bin/env bash
# One command from a fresh clone to a result: installs FFTW if needed, builds the release `ldf`,
# and runs it on the bundled samples.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-system-deps.sh
echo "Building ldf (release)..." >&2
swift build -c release --product ldf >&2
ldf=.build/release/ldf
echo >&2
echo "\$ ldf info samples/rest-32hz-30min.csv" >&2
$ldf info samples/rest-32hz-30min.csv
echo >&2
echo "\$ ldf bands samples/rest-32hz-30min.csv" >&2
$ldf bands samples/rest-32hz-30min.csv
echo >&2
echo "\$ ldf porh --site finger-pad samples/porh-finger-pad.csv" >&2
$ldf porh --site finger-pad samples/porh-finger-pad.csv
echo >&2
echo "ldf is at $(pwd)/$ldf; try '$ldf --help'." >&2
