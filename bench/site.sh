#!/usr/bin/env bash
# Site build benchmark: `leaderboard build` of a workspace of 1,000 entries (TEAMS teams ×
# VERSIONS versions, 250 × 4 by default) on the embedded sample, built twice into two new
# folders (this run's first build: cold; the second: warm), then RUNS more times over the
# second (warm). Prints each time and whether the two sites are the same bytes
# (exit 1 when not); the issue's target is under 5 s for 1,000 entries, release build.
#
# The entries are scored through the tool's own path (`score`, four rounds, each team's folder
# changed between them, so each round is a new version of every team), plus the two baselines
# (`train`). Each team hands in what a participant may: a predictions file (id,score for the
# 500 hidden rows: a logistic of two of the row's masses with the team's own weights and
# noise), a Keras CSVLogger history and a README, so that every entry page carries all its
# plots; in round 2, every 25th team's file has a row missing (a failed version with its
# reason). No Python: the files are written by awk. The workspace is kept in bench/out and
# reused while its size is the same (--fresh makes it again): making it took 6 minutes here,
# since `score` compares each new version with every entry before it.
#
# Usage: bench/site.sh [--teams N] [--versions N] [--runs N] [--keep DIR] [--fresh]
#   --keep DIR   leave the cold build's site in DIR (a new, empty or built-site folder), e.g.
#                for the browser check: scripts/check-site --site DIR
# Env: LB (a built leaderboard; default: the release build, made here).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
teams=250 versions=4 runs=3 keep="" fresh=0
while (($#)); do
  case "$1" in
    --teams) teams=$2; shift 2 ;;
    --versions) versions=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --keep) keep=$2; shift 2 ;;
    --fresh) fresh=1; shift ;;
    *) echo "usage: bench/site.sh [--teams N] [--versions N] [--runs N] [--keep DIR] [--fresh]" >&2; exit 2 ;;
  esac
done
if [ -z "${LB:-}" ]; then
  swift build -c release --product leaderboard 2>&1 | grep -Ev '^\[[0-9]+/[0-9]+\]' >&2 || true
  LB=$(pwd)/.build/release/leaderboard
fi
mkdir -p bench/out
ws=$(pwd)/bench/out/site-ws
made=$ws/.made-$teams-x-$versions
export LEADERBOARD_CACHE=$(pwd)/bench/out/site-cache
sample=$(dirname "$LB")/leaderboard_HiggsData.resources/higgs-sample.csv
now() { date +%s%N; }
seconds() { awk -v ns="$1" 'BEGIN { printf "%.3f", ns / 1e9 }'; }

# Round $1: every team's folder, written anew (a team's files differ from round to round).
write_round() {
  tail -n 500 "$sample" | awk -F, -v round="$1" -v teams="$teams" -v dir="$ws/submissions" '
    { for (c = 1; c <= NF; c++) row[NR, c] = $c }
    END {
      for (t = 1; t <= teams; t++) {
        folder = sprintf("%s/team-%04d", dir, t)
        srand(t * 1000 + round)
        a = 0.5 + rand(); b = 0.2 + rand(); noise = 0.3 + rand() * 1.5
        file = folder "/predictions.csv"
        print "id,score" > file
        rows = (round == 2 && t % 25 == 0) ? 499 : 500
        for (i = 1; i <= rows; i++) {
          # m_wbb and m_wwbb: the sample'"'"'s columns 28 and 29 (the label first).
          z = a * (1 - row[i, 28]) * 4 + b * (1 - row[i, 29]) * 3 + noise * (rand() - 0.5) * 4
          printf "%d,%.6f\n", i - 1, 1 / (1 + exp(-z)) > file
        }
        close(file)
        file = folder "/training.log"
        print "epoch,accuracy,loss,val_accuracy,val_loss" > file
        for (e = 0; e < 10 + round * 5; e++) {
          loss = 0.69 - 0.1 * a * (1 - exp(-e / 6)) - 0.002 * e * rand()
          printf "%d,%.6f,%.6f,%.6f,%.6f\n", e, 1.1 - loss, loss, 1.08 - loss - 0.01 * rand(), loss + 0.01 * rand() > file
        }
        close(file)
        file = folder "/README.md"
        printf "# Team %d, round %d\n\nA logistic of *m_wbb* and *m_wwbb*:\n\n", t, round > file
        printf "| weight | value |\n|---|---:|\n| m_wbb | %.3f |\n| m_wwbb | %.3f |\n| noise | %.3f |\n\n", a, b, noise > file
        printf "```\npython predict.py --round %d --team %d\n```\n", round, t > file
        close(file)
        file = folder "/manifest.yml"
        printf "team: Team %d\ntitle: logistic of two masses, round %d\n", t, round > file
        close(file)
      }
    }'
}

if [ "$fresh" = 1 ] || [ ! -f "$made" ]; then
  rm -rf "$ws"
  "$LB" init "$ws" --title "Site benchmark" >/dev/null
  for t in $(seq 1 "$teams"); do mkdir -p "$ws/submissions/$(printf 'team-%04d' "$t")"; done
  start=$(now)
  "$LB" train --workspace "$ws" --epochs 5 >/dev/null 2>&1
  for round in $(seq 1 "$versions"); do
    write_round "$round"
    "$LB" score --workspace "$ws" >/dev/null 2>&1
  done
  echo "workspace: $teams teams × $versions versions scored in $(seconds $(($(now) - start))) s ($ws)"
  touch "$made"
fi

# The kept workspace's templates are the ones `init` copied when it was made: bring them up to
# this checkout's, so that the build measures (and the browser check sees) today's pages.
cp templates/*.mustache templates/style.css "$ws/templates/"

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
build() {  # build DIR: one build, its wall-clock time in ns on stdout
  local start; start=$(now)
  "$LB" build --workspace "$ws" --output "$1" >/dev/null
  echo $(($(now) - start))
}
first=${keep:-$out/first}
cold=$(build "$first")
warm=$(build "$out/second")
same=yes
diff -r "$first" "$out/second" >/dev/null || same=no
times=("$(seconds "$warm")")
for _ in $(seq 1 "$runs"); do times+=("$(seconds "$(build "$out/second")")"); done
files=$(find "$first" -type f | wc -l) bytes=$(du -sb "$first" | cut -f1)
entries=$(find "$first/entries" -maxdepth 1 -name '*.html' | wc -l)
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }')

echo "entries:    $entries pages (every version of every team, and the baselines)"
echo "site:       $files files, $((bytes / 1048576)) MiB"
echo "cold build: $(seconds "$cold") s (this run's first, into a new folder)"
echo "warm build: median $median s of ${#times[@]} (${times[*]})"
echo "same bytes: $same (two builds into two folders)"
echo "target:     under 5 s for 1,000 entries: $(awk -v m="$median" 'BEGIN { print (m < 5 ? "met" : "missed") }')"
[ -n "$keep" ] && echo "kept:       $keep (scripts/check-site --site $keep)"
[ "$same" = yes ]
