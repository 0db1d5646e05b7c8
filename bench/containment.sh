#!/usr/bin/env bash
# What the sandboxed child's containment (Landlock + seccomp, Scoring/Containment.swift)
# costs per submission: N children (`leaderboard _predict`) of one small Keras model on the
# sample's 500 rows, timed with both layers and with both left out through the tests' switch
# (LEADERBOARD_TEST_FAULTS=1 LEADERBOARD_TEST_NO_LANDLOCK=1 LEADERBOARD_TEST_NO_SECCOMP=1),
# interleaved so that other load on the machine falls on both alike. Prints milliseconds per
# child for each (wall-clock median and mean, CPU mean), the differences, and how long the
# child itself took to apply both layers (from its report).
#
# Env: N (default 50), LB (a built leaderboard; default: the release build, made here).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
N=${N:-50}
if [ -z "${LB:-}" ]; then
  swift build -c release --product leaderboard >&2
  LB=$(pwd)/.build/release/leaderboard
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
model=$(pwd)/Tests/ModelFilesTests/Fixtures/notebook_keras3.h5
data=$(dirname "$LB")/leaderboard_HiggsData.resources/higgs-sample.csv
"$LB" data cache "$data" --cache-dir "$work/cache" >/dev/null

child() {
  env -i SWIFT_BACKTRACE=enable=no "$@" "$LB" _predict --model "$model" --data "$data" --cache-dir "$work/cache" \
    --first-row 7000 --row-count 500 --scores-out "$work/scores" --summary-out "$work/summary" \
    --containment-out "$work/containment" --memory-bytes 4294967296 --cpu-seconds 60
}
# One child: appends its wall-clock and CPU milliseconds to the files $1.wall and $1.cpu.
time_child() {
  local name=$1; shift
  local start end
  # `times` must run in this shell (in a $(…) it would count the subshell's children); its
  # last line is the CPU time of every finished child so far, as user and system "XmY.YYYs".
  times > "$work/times"
  local before; before=$(tail -1 "$work/times")
  start=$(date +%s%N)
  child "$@"
  end=$(date +%s%N)
  times > "$work/times"
  awk -v ns=$((end - start)) 'BEGIN { print ns / 1e6 }' >> "$work/$name.wall"
  awk '$1 == "took" { print $2 }' "$work/containment" >> "$work/$name.took"
  printf '%s\n%s\n' "$before" "$(tail -1 "$work/times")" | awk '{ t = 0; for (i = 1; i <= 2; i++) { split($i, p, /[ms]/); t += p[1] * 60 + p[2] }
                                                                   v[NR] = t } END { print (v[2] - v[1]) * 1000 }' >> "$work/$name.cpu"
}
median() { sort -g "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
mean() { awk '{ s += $1 } END { print s / NR }' "$1"; }

child >/dev/null  # warm the page cache
grep -q "landlock applied" "$work/containment" || echo "note: $(grep landlock "$work/containment")" >&2
grep -q "seccomp applied" "$work/containment" || echo "note: $(grep seccomp "$work/containment")" >&2
for _ in $(seq "$N"); do
  time_child with
  time_child without LEADERBOARD_TEST_FAULTS=1 LEADERBOARD_TEST_NO_LANDLOCK=1 LEADERBOARD_TEST_NO_SECCOMP=1
done
printf 'applying both layers, inside the child: %.0f us (median)\n' "$(median "$work/with.took")"
printf '%d children each, ms per child    wall median   wall mean   CPU mean\n' "$N"
for name in with without; do
  printf '%-36s %9.2f %11.2f %10.2f\n' "$name containment" "$(median "$work/$name.wall")" \
    "$(mean "$work/$name.wall")" "$(mean "$work/$name.cpu")"
done
awk -v a="$(median "$work/with.wall")" -v b="$(median "$work/without.wall")" \
    -v c="$(mean "$work/with.cpu")" -v d="$(mean "$work/without.cpu")" \
    'BEGIN { printf "cost per submission: %.2f ms wall (median), %.2f ms CPU (mean)\n", a - b, c - d }'
