#!/usr/bin/env bash
# Times `ldf porh` (read CSV, occlusion timing from the flux alone, all PORH parameters, transient
# fits) on simulated recordings made by `ldf simulate porh`, with /usr/bin/time -v for wall time and
# peak memory:
#   A: 32 Hz, forearm, 3 occlusions of 5 min (about 36 min, 69,000 samples)
#   B: 1000 Hz, forearm, 3 occlusions of 5 min (about 36 min, 2.2 million samples)
# each plain, with the reperfusion flowmotion bands, and with the annotated trace. Release build.
#
# Usage: benchmarks/porh.sh
# The CSVs (B is about 60 MB, generated once) go to /tmp/ldf-bench-porh or $LDF_BENCH_DATA; the
# build uses .build, or $LDF_BENCH_SCRATCH.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${LDF_BENCH_DATA:-/tmp/ldf-bench-porh}"
scratch="${LDF_BENCH_SCRATCH:-.build}"
mkdir -p "$data"

swift build -c release --scratch-path "$scratch" --product ldf >/dev/null
ldf="$scratch/release/ldf"

for rate in 32 1000; do
    file="$data/forearm-${rate}hz.csv"
    [ -f "$file" ] || "$ldf" simulate porh --site forearm --rate "$rate" --occlusions 3 --occlusion-seconds 300 \
        --rest-seconds 120 --recovery-seconds 300 --seed 7 -o "$file" >/dev/null
done

run() {
    local label="$1"; shift
    /usr/bin/time -v "$ldf" porh --site forearm --timing flux --format json "$@" >/dev/null 2>"$data/time.txt" || {
        cat "$data/time.txt"; exit 1; }
    local wall rss
    wall=$(grep "Elapsed (wall clock)" "$data/time.txt" | awk '{print $NF}')
    rss=$(grep "Maximum resident set size" "$data/time.txt" | awk '{print $NF}')
    printf '%-50s wall %8s   peak %6d MiB\n' "$label" "$wall" "$((rss / 1024))"
}

echo "ldf porh, $(nproc) cores"
for rate in 32 1000; do
    file="$data/forearm-${rate}hz.csv"
    run "$rate Hz, 3 occlusions" "$file"
    run "$rate Hz, 3 occlusions, --reperfusion-bands" --reperfusion-bands stefanovska "$file"
    run "$rate Hz, 3 occlusions, --trace" --trace "$data/trace-${rate}.csv" "$file"
done
