#!/usr/bin/env bash
# Training benchmark: `leaderboard train` (the BDT and the network, as whole processes of
# the shipped binary) against bench/peers/peers.py bdt and nn (scikit-learn AdaBoost,
# LightGBM and XGBoost stumps; Keras) on the same rows, in the same run: the peers train on
# the first N rows of higgs-1m.csv and test on the first 100,000 rows of higgs-test-500k.csv,
# and so do we (a workspace whose data is those rows, validation 0, hidden test = the 100k).
# The network is peers.py's Keras model, 28-14-7-1 (NN_LAYERS=14,7; the notebook's default is 28,14,7).
#
#   bash bench/train.sh            SIZES="100000 1000000" (default), EPOCHS=10, SK_LIMIT=120
# Env: PY, BENCH_DATA, PEERS, MAX_WAIT, WAIT_BUDGET (see peers.py -h).
source "$(dirname "$0")/common.sh"
SIZES=${SIZES:-"100000 1000000"}
EPOCHS=${EPOCHS:-10}
need_data higgs-1m.csv 1000000 1 train --gzip
need_data higgs-test-500k.csv 500000 3 test
build_leaderboard

for n in $SIZES; do
  WS=bench/out/train-ws-$n
  rm -rf "$WS"; "$LB" init "$WS" >/dev/null
  { head -n "$n" "$D/higgs-1m.csv"; head -n 100000 "$D/higgs-test-500k.csv"; } > "$WS/data.csv"
  sed -i "s|^data: .*|data: data.csv|; s|test_rows: auto|test_rows: 100000|; s|validation_fraction: .*|validation_fraction: 0|" "$WS/leaderboard.yml"
  "$LB" data cache --workspace "$WS" >/dev/null
  for model in bdt nn; do
    $PY "$PEERS/peers.py" --out "$OUT" $WAIT --repeats 1 cmd --job train --peer "leaderboard train --model $model" \
      --rows "$n" -- sh -c "rm -f $WS/leaderboard.sqlite*; $LB train --workspace $WS --model $model --epochs $EPOCHS --layers ${NN_LAYERS:-14,7} --json" >/dev/null
    # The in-process figures (training seconds, AUC) from the run's own JSON line.
    rm -f "$WS"/leaderboard.sqlite*
    "$LB" train --workspace "$WS" --model "$model" --epochs "$EPOCHS" --layers "${NN_LAYERS:-14,7}" --json | sed "s/^/{\"job\": \"train-detail\", \"n\": $n, \"results\": [/; s/\$/]}/" >> "$OUT"
  done
done
$PY "$PEERS/peers.py" --out "$OUT" $WAIT bdt --sizes "$(echo $SIZES | tr ' ' ',')" --sk-limit "${SK_LIMIT:-120}" >/dev/null
$PY "$PEERS/peers.py" --out "$OUT" $WAIT nn >/dev/null

$PY - "$OUT" <<'PYEOF'
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
ours = {}
for r in recs:
    if r["job"] == "train-detail":
        for x in r["results"]:
            ours[(x["model"], r["n"])] = x
print("| job | rows | ours: training s | ours: AUC | peer | peer s | peer AUC | peer s / ours |")
print("|---|---:|---:|---:|---|---:|---:|---:|")
for r in recs:
    if r["job"] == "bdt":
        for p in r["results"]:
            o = ours.get(("bdt", p["n_train"]))
            if o:
                extra = " (extrapolated)" if p.get("extrapolated") else ""
                auc = f"{p['auc']:.4f}" if p.get("auc") else "–"
                print(f"| BDT 200 stumps | {p['n_train']:,} | {o['seconds']:.2f} | {o['auc']:.4f} | {p['peer']}{extra} | {p['time_s']:.2f} | {auc} | {p['time_s'] / o['seconds']:.1f}x |")
    if r["job"] == "nn":
        for p in r["results"]:
            if p.get("size") == "1M" and p.get("batch") == 256:
                o = ours.get(("nn", 1000000))
                if o:
                    epochs = p.get("epochs", 10)
                    print(f"| NN, s per epoch, batch 256 | 1,000,000 | {o['seconds'] / epochs:.2f} | {o['auc']:.4f} | Keras 28-14-7-1 | {p['s_per_epoch']:.2f} | {p.get('auc') or '–'} | {p['s_per_epoch'] / (o['seconds'] / epochs):.1f}x |")
PYEOF
echo "raw results: $OUT" >&2
