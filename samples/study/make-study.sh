#!/usr/bin/env bash
# Regenerates the demo cohort of `ldf study` with `ldf simulate` (seeded: identical output on
# every run and machine with the same toolkit version), and its manifest.csv.
#
# Design: 2 groups (control, patient) x 5 subjects x 2 sites (finger-pad, forearm).
#   rest: 20 min at 10 Hz (long enough for every band of the default preset: 5 cycles of 0.005 Hz
#         take 1000 s; small files, and the cardiac band still lies below Nyquist), condition "baseline" at both sites, plus condition "warm" (local
#         heating: higher flux and myogenic activity) at the forearm, for a paired comparison;
#         patients have weaker endothelial and neurogenic oscillations.
#   porh: one occlusion at each site, 10 Hz, occlusion markers in the file; patients have a
#         lower peak/rest ratio and a later peak.
# Extra manifest column `age` shows metadata carried through to every output row.
#
# Usage: samples/study/make-study.sh [path/to/ldf]   (default: builds ldf in release)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [[ $# -ge 1 ]]; then
    ldf="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
else
    (cd "$here/../.." && swift build -c release --product ldf >/dev/null)
    ldf="$here/../../.build/release/ldf"
fi
cd "$here"
rm -rf rest porh
mkdir -p rest porh
manifest="subject,group,site,condition,protocol,path,age"
seed=100
for group in control patient; do
    for n in 1 2 3 4 5; do
        subject="${group:0:1}${n}"
        if [[ $group == control ]]; then
            age=$((40 + 3 * n)); amplitudes="endothelial:7,neurogenic:6"; peak=4.5; ttp=8
        else
            age=$((45 + 4 * n)); amplitudes="endothelial:3.5,neurogenic:3.5"; peak=3.2; ttp=14
        fi
        for site in finger-pad forearm; do
            seed=$((seed + 1))
            baseline=$([[ $site == finger-pad ]] && echo 250 || echo 60)
            file="rest/${subject}-${site}-baseline.csv"
            $ldf simulate rest --rate 10 --duration 1200 --seed $seed --baseline $baseline --amplitudes "$amplitudes" \
                -o "$file"
            manifest+=$'\n'"$subject,$group,$site,baseline,rest,$file,$age"
            seed=$((seed + 1))
            file="porh/${subject}-${site}.csv"
            $ldf simulate porh --site $site --rate 10 --markers --peak-ratio $peak --time-to-peak $ttp \
                --recovery-seconds 240 --seed $seed -o "$file"
            manifest+=$'\n'"$subject,$group,$site,baseline,porh,$file,$age"
        done
        seed=$((seed + 1))
        file="rest/${subject}-forearm-warm.csv"
        $ldf simulate rest --rate 10 --duration 1200 --seed $seed --baseline 110 --amplitudes "$amplitudes,myogenic:9" \
            -o "$file"
        manifest+=$'\n'"$subject,$group,forearm,warm,rest,$file,$age"
    done
done
printf '%s\n' "$manifest" > manifest.csv
echo "demo cohort written to $here ($(ls rest/*.csv porh/*.csv | wc -l) recordings)"
