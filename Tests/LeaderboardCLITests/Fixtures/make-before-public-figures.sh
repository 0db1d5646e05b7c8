#!/bin/sh
# Makes before-public-figures.sqlite: a database as the tool wrote it before public-only
# figures were stored (run with a `leaderboard` built at commit ba89c00, the path given as
# $1). Two scored entries (a predictions file and a Keras file), one failure and the two
# baselines (trained small, with their overtraining check), on the embedded sample.
set -eu
tool=${1:?usage: make-before-public-figures.sh path/to/leaderboard}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$tool" init "$work/ws" >/dev/null
rm -rf "$work/ws/submissions/"*
for example in kaggle-style notebook-net pickled-model; do
    cp -R "$root/submissions/$example" "$work/ws/submissions/"
done
LEADERBOARD_CACHE="$work/cache" "$tool" score --workspace "$work/ws" --concurrency 1 >/dev/null
LEADERBOARD_CACHE="$work/cache" "$tool" train --workspace "$work/ws" --rows 400 --rounds 5 --epochs 2 >/dev/null
rm -f "$here/before-public-figures.sqlite"
sqlite3 "$work/ws/leaderboard.sqlite" "VACUUM INTO '$here/before-public-figures.sqlite'"
