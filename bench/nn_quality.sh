#!/usr/bin/env bash
# The network baseline's quality against Keras: the notebook's network trained by
# `leaderboard train` and by Keras (bench/nn_quality.py) on the same synthetic rows, with
# the same batch size and epochs, over several seeds each; prints both AUCs per seed, their
# means and standard deviations. A single seed cannot settle a 0.005 difference: the spread
# across seeds is of that order.
#
#   bash bench/nn_quality.sh        ROWS=1000000 EPOCHS=10 SEEDS="0 1 2 3 4"  (DATA=FILE: use FILE instead)
source "$(dirname "$0")/common.sh"
ROWS=${ROWS:-1000000} EPOCHS=${EPOCHS:-10} SEEDS=${SEEDS:-"0 1 2 3 4"}
build_leaderboard
WS=bench/out/nn-quality-ws
rm -rf "$WS"; "$LB" init "$WS" >/dev/null
if [ -n "${DATA:-}" ]; then cp "$DATA" "$WS/data.csv"; else "$LB" data synth --rows "$ROWS" --out "$WS/data.csv" --seed 11 >&2; fi
sed -i "s|^data: .*|data: data.csv|; s|validation_fraction: .*|validation_fraction: 0|" "$WS/leaderboard.yml"
for seed in $SEEDS; do
  rm -f "$WS"/leaderboard.sqlite*
  "$LB" train --workspace "$WS" --model nn --epochs "$EPOCHS" --seed "$seed" --json \
    | sed "s/^/{\"peer\": \"leaderboard\", \"seed\": $seed, \"result\": /; s/\$/}/" >> "$OUT"
done
$PY bench/nn_quality.py "$WS/data.csv" --seeds $SEEDS --epochs "$EPOCHS" >> "$OUT"
$PY - "$OUT" <<'PYEOF'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
ours = {r["seed"]: r["result"]["auc"] for r in rows if r["peer"] == "leaderboard"}
keras = {r["seed"]: r["auc"] for r in rows if r["peer"] == "keras"}
print("| seed | leaderboard AUC | Keras AUC |")
print("|---:|---:|---:|")
for s in sorted(ours):
    print(f"| {s} | {ours[s]:.4f} | {keras.get(s, float('nan')):.4f} |")
mo, mk = statistics.mean(ours.values()), statistics.mean(keras.values())
so, sk = statistics.stdev(ours.values()), statistics.stdev(keras.values())
print(f"| mean ± sd | {mo:.4f} ± {so:.4f} | {mk:.4f} ± {sk:.4f} |")
print(f"\ndifference of means: {mo - mk:+.4f} (standard error {((so**2 + sk**2) / len(ours)) ** 0.5:.4f})")
PYEOF
echo "raw results: $OUT" >&2
