#!/usr/bin/env bash
# Runs two commands in turn (A, B, A, B, ...) and prints each run's wall and CPU seconds and the
# median of the pair-by-pair ratios A/B: pairing keeps the ratio meaningful when the machine's
# speed drifts (shared cores). Uses GNU time (/usr/bin/time).
#
# Usage: benchmarks/ab.sh RUNS 'COMMAND A' 'COMMAND B'   (each a shell command; output discarded)
set -euo pipefail
runs="$1"; a="$2"; b="$3"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
measure() { # prints "wall cpu peak_kib" of one run of the shell command $1
    /usr/bin/time -f "%e %U %S %M" -o "$log" sh -c "$1" >/dev/null 2>&1
    awk '{ printf "%s %.3f %s\n", $1, $2 + $3, $4 }' "$log"
}
sh -c "$a" >/dev/null 2>&1; sh -c "$b" >/dev/null 2>&1   # warm-up (file cache)
rows=()
for _ in $(seq "$runs"); do
    rows+=("$(measure "$a") $(measure "$b")")
done
printf '%s\n' "${rows[@]}" | python3 -c '
import sys, statistics
ratio = lambda a, b: a / b if b > 0 else float("nan")
rows = [list(map(float, line.split())) for line in sys.stdin if line.strip()]
print("run  A wall s  A cpu s  A peak MiB  B wall s  B cpu s  B peak MiB  cpu A/B")
for i, (aw, ac, am, bw, bc, bm) in enumerate(rows, 1):
    print(f"{i:3d} {aw:9.3f} {ac:8.3f} {am/1024:11.1f} {bw:9.3f} {bc:8.3f} {bm/1024:11.1f} {ratio(ac, bc):8.3f}")
cpu = statistics.median(ratio(r[1], r[4]) for r in rows)
wall = statistics.median(ratio(r[0], r[3]) for r in rows)
print(f"median ratio A/B: cpu {cpu:.3f}, wall {wall:.3f} ({len(rows)} pairs)")
'
