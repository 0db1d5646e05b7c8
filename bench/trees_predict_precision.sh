#!/usr/bin/env bash
# LightGBM on rows that are not float32-exact: the same 1,000-tree model (bench/trees_predict.sh's
# settings) predicting the same 500,000 three-decimal rows, handed over as float32 (what every
# model read before: the fast kernel) and as written in float64 (LightGBM's own precision: the
# double walk). Prints both timings (best of REPEATS, wall and CPU seconds) and the ratio, and
# how many rows the two disagree on.
#
# Needs a python with numpy, pandas and lightgbm (PY). Env: PY, BENCH_DATA, REPEATS (default 3).
source "$(dirname "$0")/common.sh"
swift build -c release --product trees-predict >&2
swift build -c release --product leaderboard >&2
TP=$(pwd)/.build/release/trees-predict
LB=$(pwd)/.build/release/leaderboard
DIR=$D/trees-precision
REPEATS=${REPEATS:-3}
mkdir -p "$DIR"
[ -f "$DIR/synth.csv" ] || "$LB" data synth --rows 600000 --seed 11 --out "$DIR/synth.csv" >&2
$PY - "$DIR" <<'PYEOF'
import os, sys
import lightgbm as lgb, numpy as np, pandas as pd
folder = sys.argv[1]
if not os.path.exists(f"{folder}/lgbm-1000.txt"):
    data = pd.read_csv(f"{folder}/synth.csv", header=None).round(3)
    x, y = data.drop(columns=[0]).to_numpy(np.float64), data[0].to_numpy()
    lgb.train(dict(objective="binary", num_leaves=31, learning_rate=0.05, num_threads=2, seed=1, verbose=-1),
              lgb.Dataset(x[:100_000], label=y[:100_000]), num_boost_round=1000).save_model(f"{folder}/lgbm-1000.txt")
    x[100_000:].astype("<f8").tofile(f"{folder}/test.f64")
    x[100_000:].astype("<f4").tofile(f"{folder}/test.f32")
PYEOF
f32=$("$TP" "$DIR/lgbm-1000.txt" "$DIR/test.f32" 28 "$REPEATS" "$DIR/out32.f64")
f64=$("$TP" "$DIR/lgbm-1000.txt" "$DIR/test.f64" 28 "$REPEATS" "$DIR/out64.f64")
$PY - "$f32" "$f64" "$DIR" <<'PYEOF'
import json, sys
import numpy as np
a, b = json.loads(sys.argv[1]), json.loads(sys.argv[2])
p32, p64 = (np.fromfile(f"{sys.argv[3]}/out{k}.f64", dtype="<f8") for k in ("32", "64"))
print("| rows handed over as | rows | predict, wall (CPU) s | / float32 |")
print("|---|---:|---:|---:|")
print(f"| float32 (fast kernel) | {a['rows']} | {a['predict_s']:.3f} ({a['predict_cpu_s']:.3f}) | 1.00 |")
print(f"| float64 as written (double walk) | {b['rows']} | {b['predict_s']:.3f} ({b['predict_cpu_s']:.3f}) | "
      f"{b['predict_s'] / a['predict_s']:.2f} ({b['predict_cpu_s'] / a['predict_cpu_s']:.2f}) |")
print(f"\nrows whose score differs by more than 1e-5: {(np.abs(p32 - p64) > 1e-5).sum()}, "
      f"largest difference {np.abs(p32 - p64).max():.4f}")
PYEOF
