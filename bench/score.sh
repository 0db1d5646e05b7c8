#!/usr/bin/env bash
# Scoring benchmark: `leaderboard score` as a whole process (data already cached: load,
# sandboxed read + predict of the .h5, all metrics, the database write) against
# bench/peers/peers.py score (Keras load_model + predict + scikit-learn metrics, plus
# the cost of importing TensorFlow that a Python process pays first), on the same 500,000
# test rows and the same Keras .h5, in the same run. Also: a score run over 100 submissions.
#
# Needs the peers' venv once (see bench/peers/README.md). Env: PY, BENCH_DATA, PEERS.
source "$(dirname "$0")/common.sh"
need_data higgs-100k.csv 100000 2 train
need_data higgs-test-500k.csv 500000 3 test
build_leaderboard

# The peer first: it trains and saves the 28-14-7-1 model that both sides then score.
$PY "$PEERS/peers.py" --out "$OUT" $WAIT score >/dev/null
MODEL=$D/model-28-14-7-1-e5.h5

# Workspaces whose hidden test rows are exactly higgs-test-500k.csv (100k rows come first).
make_ws() {  # make_ws DIR SUBMISSIONS
  rm -rf "$1"
  "$LB" init "$1" >/dev/null
  cat "$D/higgs-100k.csv" "$D/higgs-test-500k.csv" > "$1/data.csv"
  sed -i "s|^data: .*|data: data.csv|; s|test_rows: auto|test_rows: 500000|" "$1/leaderboard.yml"
  for i in $(seq 1 "$2"); do
    mkdir -p "$1/submissions/team-$i"
    cp "$MODEL" "$1/submissions/team-$i/model.h5"
    printf 'team: team %d\n' "$i" > "$1/submissions/team-$i/manifest.yml"
  done
  "$LB" data cache --workspace "$1" >/dev/null
}
WS1=bench/out/score-ws-1 WS100=bench/out/score-ws-100
make_ws "$WS1" 1
make_ws "$WS100" 100

$PY "$PEERS/peers.py" --out "$OUT" $WAIT cmd --job score --peer "leaderboard score: 1 .h5, 500k hidden rows" \
  --rows 500000 -- sh -c "rm -f $WS1/leaderboard.sqlite*; $LB score --workspace $WS1 --json" >/dev/null
$PY "$PEERS/peers.py" --out "$OUT" $WAIT --repeats 1 cmd --job score --peer "leaderboard score: 100 .h5, 500k hidden rows" \
  --rows 50000000 -- sh -c "rm -f $WS100/leaderboard.sqlite*; $LB score --workspace $WS100 --json" >/dev/null
# The same 100 submissions on the embedded sample (500 hidden rows).
SAMPLE_WS=bench/out/score-ws-sample
rm -rf "$SAMPLE_WS"; "$LB" init "$SAMPLE_WS" >/dev/null
rm -rf "$SAMPLE_WS/submissions"; cp -r "$WS100/submissions" "$SAMPLE_WS/submissions"
for d in "$SAMPLE_WS"/submissions/team-*; do cp submissions/notebook-net/model.h5 "$d/model.h5"; done
$PY "$PEERS/peers.py" --out "$OUT" $WAIT --repeats 1 cmd --job score --peer "leaderboard score: 100 .h5, 500 hidden rows (sample)" \
  -- sh -c "rm -f $SAMPLE_WS/leaderboard.sqlite*; $LB score --workspace $SAMPLE_WS --json" >/dev/null

$PY - "$OUT" <<'PYEOF'
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
peer = {r["part"]: r["time_s"] for rec in recs if rec["job"] == "score" and "part" in rec["results"][0] for r in rec["results"]}
ours = {r["peer"]: r["time_s"] for rec in recs for r in rec["results"] if "peer" in r}
e2e = next(v for k, v in peer.items() if k.startswith("end to end"))
imp = peer["import tensorflow+keras+sklearn.metrics"]
whole = e2e + imp
one = ours["leaderboard score: 1 .h5, 500k hidden rows"]
print("| what | time (s) |")
print("|---|---:|")
print(f"| peer: import TensorFlow + Keras + sklearn.metrics | {imp:.3f} |")
print(f"| peer: load_model + predict + roc_auc + roc_curve + accuracy (in process) | {e2e:.3f} |")
print(f"| peer: whole process (the two above) | {whole:.3f} |")
print(f"| ours: `leaderboard score`, 1 .h5, 500k hidden rows, whole process | {one:.3f} |")
print(f"| **ratio, peer whole process / ours** | **{whole / one:.1f}x** |")
print(f"| ratio, peer in-process part alone / ours whole process | {e2e / one:.1f}x |")
for k, v in ours.items():
    if "100 .h5" in k:
        print(f"| ours: `leaderboard score`, {k.split(': ', 1)[1]} | {v:.3f} |")
PYEOF
echo "raw results: $OUT" >&2
