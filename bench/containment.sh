#!/usr/bin/env bash
# What the sandboxed child's containment (Landlock + seccomp, Scoring/Containment.swift)
# costs per submission: N children (`leaderboard _predict`) of one small Keras model on the
# sample's 500 rows, timed with both layers and with both left out through the tests' switch
# (LEADERBOARD_TEST_FAULTS=1 LEADERBOARD_TEST_NO_LANDLOCK=1 LEADERBOARD_TEST_NO_SECCOMP=1),
# interleaved so that other load on the machine falls on both alike. Prints milliseconds per
# child for each, and the difference.
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
# Nanoseconds that `child "$@"` takes.
time_child() {
  local start end
  start=$(date +%s%N)
  child "$@"
  end=$(date +%s%N)
  echo $((end - start))
}

child >/dev/null  # warm the page cache
grep -q "landlock applied" "$work/containment" || echo "note: $(grep landlock "$work/containment")" >&2
grep -q "seccomp applied" "$work/containment" || echo "note: $(grep seccomp "$work/containment")" >&2
with=0 without=0
for _ in $(seq "$N"); do
  with=$((with + $(time_child)))
  without=$((without + $(time_child LEADERBOARD_TEST_FAULTS=1 LEADERBOARD_TEST_NO_LANDLOCK=1 LEADERBOARD_TEST_NO_SECCOMP=1)))
done
awk -v w="$with" -v wo="$without" -v n="$N" 'BEGIN {
  printf "children: %d each\nwith containment:    %.2f ms per child\nwithout containment: %.2f ms per child\ncost:                %.2f ms per submission\n",
    n, w / n / 1e6, wo / n / 1e6, (w - wo) / n / 1e6 }'
