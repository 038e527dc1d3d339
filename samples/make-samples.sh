#!/usr/bin/env bash
# Regenerates every sample recording and its truth file with `ldf simulate` (seeded: the output
# is identical on every run and machine with the same toolkit version).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product ldf >/dev/null
ldf="$(pwd)/.build/release/ldf"
cd samples
$ldf simulate rest --rate 32 --duration 1800 --seed 1 -o rest-32hz-30min.csv
$ldf simulate rest --rate 40 --duration 1200 --seed 2 --temperature \
    --jitter 0.05 --dropped 20 --gaps 1 --gap-seconds 4 --sentinels 10 --motion 3 -o rest-40hz-20min-artifacts.csv
$ldf simulate porh --site finger-pad --pressure --markers --seed 3 -o porh-finger-pad.csv
$ldf simulate porh --site forearm --occlusions 2 --seed 4 -o porh-forearm-2-occlusions.csv
$ldf simulate heating --rate 2 --seed 5 -o heating-forearm-rapid.csv
$ldf simulate iontophoresis --rate 2 --markers --dips --seed 6 -o iontophoresis-ach-vehicle.csv
echo "samples written to $(pwd)"
