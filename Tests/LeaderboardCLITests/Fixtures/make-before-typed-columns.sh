#!/bin/sh
# Makes before-typed-columns.sqlite: a database as the tool wrote it while the figures,
# curves, histograms, summaries, histories and statistics were JSON text columns (run
# with a `leaderboard` built at commit 5dc2b6c, the path given as $1). Every example
# submission of the repository (scored ones with members, READMEs and histories, and
# failures) and the two baselines (trained small, with their overtraining check and
# feature ranking), on the embedded sample; and the public and final sites that tool built
# from it (before-typed-columns-site/), which a build from the migrated database must equal.
set -eu
tool=${1:?usage: make-before-typed-columns.sh path/to/leaderboard}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$tool" init "$work/ws" >/dev/null
rm -rf "$work/ws/submissions/"*
cp -R "$root/submissions/." "$work/ws/submissions/"
# A team with members and a CSVLogger history (an NA and a nan among its points).
mkdir "$work/ws/submissions/logged-net"
cp "$root/submissions/notebook-net/model.h5" "$work/ws/submissions/logged-net/"
printf 'team: Loggers\nmembers: [Ada, Grace]\n' >"$work/ws/submissions/logged-net/manifest.yml"
printf 'epoch,accuracy,loss,val_accuracy,val_loss\n0,0.61,0.66,0.63,0.65\n1,0.68,0.60,NA,0.61\n2,0.70,nan,0.69,0.59\n' \
    >"$work/ws/submissions/logged-net/history.csv"
LEADERBOARD_CACHE="$work/cache" "$tool" score --workspace "$work/ws" --concurrency 1 >/dev/null
LEADERBOARD_CACHE="$work/cache" "$tool" train --workspace "$work/ws" --rows 400 --rounds 5 --epochs 2 >/dev/null
"$tool" build --workspace "$work/ws" --output "$work/public" >/dev/null
"$tool" build --workspace "$work/ws" --final --output "$work/final" >/dev/null
rm -rf "$here/before-typed-columns-site" "$here/before-typed-columns.sqlite"
mkdir "$here/before-typed-columns-site"
cp -R "$work/public" "$here/before-typed-columns-site/public"
cp -R "$work/final" "$here/before-typed-columns-site/final"
sqlite3 "$work/ws/leaderboard.sqlite" "VACUUM INTO '$here/before-typed-columns.sqlite'"
